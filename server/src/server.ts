import { startServer } from './lsp/main';

startServer();
