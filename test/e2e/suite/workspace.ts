// Entry for the shop workspace (a scratch copy of examples/shop).
import { registerWorkspaceCases } from './cases';
import { runMocha } from './mochaRun';

export function run(): Promise<void> {
  return runMocha('workspace', registerWorkspaceCases);
}
