// A DNS server on loopback that answers TXT queries from a table the test fills (NXDOMAIN for other
// names), so that a separately running API can verify email domains with its real resolver
// (ACCORD_DNS_SERVERS=127.0.0.1:<port>).
import { createSocket } from 'node:dgram';
import dnsPacket from 'dns-packet';

export interface TestDnsServer {
  port: number;
  /** The TXT records of a name, each as its chunks (as node:dns answers them). */
  records: Map<string, string[][]>;
  close(): Promise<void>;
}

export async function startDnsServer(port = 0): Promise<TestDnsServer> {
  const records = new Map<string, string[][]>();
  const socket = createSocket('udp4');
  socket.on('message', (message, peer) => {
    let query: dnsPacket.Packet;
    try {
      query = dnsPacket.decode(message);
    } catch {
      return; // not DNS: ignore it, as servers do
    }
    const [question] = query.questions ?? [];
    const found = question ? records.get(question.name.toLowerCase()) : undefined;
    const answers =
      question?.type === 'TXT' && found
        ? found.map((chunks) => ({ type: 'TXT' as const, name: question.name, ttl: 0, data: chunks }))
        : [];
    const reply = dnsPacket.encode({
      type: 'response',
      id: query.id,
      flags: dnsPacket.AUTHORITATIVE_ANSWER | (found ? 0 : 3), // rcode 3: NXDOMAIN
      questions: query.questions,
      answers,
    });
    socket.send(reply, peer.port, peer.address);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, '127.0.0.1', () => resolve());
  });
  return {
    port: socket.address().port,
    records,
    close: () => new Promise((resolve) => socket.close(() => resolve())),
  };
}
