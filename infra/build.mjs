// `pnpm build`: compiles the API and the worker to plain JavaScript (apps/api/dist, apps/worker/dist),
// which production runs (`pnpm start`, the Docker image) instead of TypeScript through tsx. The
// workspace's own packages are bundled in; npm packages stay external, loaded from node_modules as
// before. A bundled file that reads `import.meta.url` (the migrations folder, the CDNOW data) gets its
// source file's URL, relative to the bundle, so the output works wherever the checkout is.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundles = [
  { entry: 'apps/api/src/server.ts', outfile: 'apps/api/dist/server.js' },
  { entry: 'apps/worker/src/main.ts', outfile: 'apps/worker/dist/main.js' },
];

function workspaceOnly(outfile) {
  const outDir = dirname(join(root, outfile));
  return {
    name: 'workspace-only',
    setup(b) {
      // An npm package is imported by the path it resolves to from the importing file: under pnpm, a
      // workspace package's dependencies are found from that package, not from the app's dist folder.
      b.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.path.startsWith('@accord/') || args.pluginData === 'resolving') return undefined;
        if (isBuiltin(args.path)) return { path: args.path, external: true };
        const found = await b.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          pluginData: 'resolving',
        });
        if (found.errors.length) return { errors: found.errors };
        return { path: `./${relative(outDir, found.path)}`, external: true };
      });
      b.onLoad({ filter: /\.ts$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        if (!source.includes('import.meta.url')) return { contents: source, loader: 'ts' };
        const from = JSON.stringify(relative(outDir, args.path));
        return {
          contents: source.replaceAll('import.meta.url', `new URL(${from}, import.meta.url).href`),
          loader: 'ts',
        };
      });
    },
  };
}

const started = performance.now();
for (const { entry, outfile } of bundles) {
  await build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
    plugins: [workspaceOnly(outfile)],
  });
}
console.log(`[build] ${bundles.map((b) => b.outfile).join(', ')} in ${Math.round(performance.now() - started)} ms`);
