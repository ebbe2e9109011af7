// Entry for a workspace with ADRs and no manifest (activation on an ADR).
import { registerAdrOnlyCases } from './cases';
import { runMocha } from './mochaRun';

export function run(): Promise<void> {
  return runMocha('adr-only', registerAdrOnlyCases);
}
