// A worker thread's entry: the project runs TypeScript through tsx, whose hooks each thread registers.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
