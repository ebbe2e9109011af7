import type { ConfigDocument } from '../../parse/config';
import type { PolicyFileDocument } from '../../parse/policies';
import { elementsOf } from '../../parse/policies';
import { POLICY_SECTIONS, type Selector } from '../../model/policies';
import { matchesSelector } from '../../workspace/selectors';
import { defineRule } from '../types';

export const rule = defineRule<ConfigDocument | PolicyFileDocument>({
  meta: {
    id: 'policy-selector',
    category: 'policy',
    severity: 'warning',
    summary: 'Each selector of a policy matches at least one element of the manifests: one that matches nothing checks nothing.',
    reference: 'archframe team policies (docs/policies.md)',
    appliesTo: ['config', 'policies'],
  },
  check({ document, workspace, report }) {
    if (document.policies.length === 0) return;
    const model = workspace.manifests;
    // No manifest at all: nothing to match yet, and nothing to warn about.
    if (model.manifests.length === 0) return;
    for (const declared of document.policies) {
      for (const { key, selector, span } of declared.selectors) {
        const sections = elementsOf(selector as Selector).map((element) => POLICY_SECTIONS[element]);
        const matched = sections.some((section) => [...model[section].values()].some((element) => matchesSelector(element, selector)));
        if (matched) continue;
        report({
          at: { uri: document.uri, lines: document.lines, span },
          message: `The ${key} selector of policy '${declared.policy.id}' matches no element of the manifests: the policy checks nothing there. Check its values against the manifest.`,
          element: `policies.${declared.policy.id}.${key}`,
        });
      }
    }
  },
});
