// `npm start`: build the web app if it is missing or older than its sources, then run the server.
import { ensureWebBuild } from './web-build';

ensureWebBuild();
await import('../apps/server/src/main');
