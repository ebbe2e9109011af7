import { window, workspace, type ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { executeServerCommand, showResult } from './server';
import type { ClientCommand } from './types';

/**
 * Architecture: Import Manifest… — pick Compose files, Kubernetes manifests or Backstage catalogs (files or
 * folders); the server writes `architecture.yaml` (or `imported.arch.yaml` when there is one) from them and it opens.
 */
export const importManifest: ClientCommand = {
  id: 'archframe.importManifest',
  async run(client: LanguageClient, _context: ExtensionContext) {
    const picked = await window.showOpenDialog({
      title: 'Import Manifest: Compose files, Kubernetes manifests or Backstage catalogs',
      openLabel: 'Import',
      canSelectFiles: true,
      canSelectFolders: true,
      canSelectMany: true,
      defaultUri: workspace.workspaceFolders?.[0]?.uri,
      filters: { YAML: ['yaml', 'yml'] },
    });
    if (!picked || picked.length === 0) return;
    const result = await executeServerCommand(client, 'archframe.server.importManifest', { sources: picked.map((uri) => uri.toString()) });
    await showResult(result);
    if (result && 'uri' in result) {
      await window.showInformationMessage(`Imported into ${result.path}. What the rules now report on it is your team's to-do list.`);
    }
  },
};
