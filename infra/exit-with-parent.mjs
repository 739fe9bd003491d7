// Preloaded (`node --import ./infra/exit-with-parent.mjs`) into each process `pnpm start` runs: when
// the parent dies without stopping its children (killed hard), the child stops itself as on SIGTERM,
// so no orphan keeps a port bound.
const parent = process.ppid;
const CHECK_EVERY_MS = 500;

const timer = setInterval(() => {
  if (process.ppid === parent) return;
  clearInterval(timer);
  process.kill(process.pid, 'SIGTERM');
}, CHECK_EVERY_MS);
timer.unref();
