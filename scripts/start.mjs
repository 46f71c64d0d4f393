// `npm start`: builds what is missing or stale, then runs the server in this process.
import { ensureBuilt, serverEntry } from './ensure-built.mjs';

ensureBuilt();
await import(serverEntry);
