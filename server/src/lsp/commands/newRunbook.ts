import { planRunbook, runbookCandidates } from '../../engine/commands/operations';
import type { CreateResult, RunbookCandidate } from '../../protocol';
import type { Session } from '../session';
import { applyPlan } from './applyPlan';

/** Arguments: none. Answers the workspace's components, those without a runbook first. */
export function runbookComponents(session: Session): RunbookCandidate[] {
  return runbookCandidates(session.commandEngine().snapshot());
}

/** Arguments: the component's name (or `{ component }`). */
export async function newRunbook(session: Session, args: unknown[]): Promise<CreateResult> {
  const [first] = args;
  const component = typeof first === 'string' ? first : (first as { component?: unknown } | undefined)?.component;
  if (typeof component !== 'string' || component === '') return { message: 'New Runbook needs the name of a component.' };
  return applyPlan(session, planRunbook(session.commandEngine().snapshot(), component), `New runbook for ${component}`);
}
