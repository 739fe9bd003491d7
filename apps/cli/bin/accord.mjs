#!/usr/bin/env node
// The sources are TypeScript: register tsx's loader, then load the entry point.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
