import { randomBytes } from 'node:crypto';
import {
  Range,
  Uri,
  ViewColumn,
  window,
  workspace,
  type Disposable,
  type ExtensionContext,
  type TextDocument,
  type WebviewPanel,
} from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { DiagramElement, DiagramResult } from '../../../server/src/protocol';
import { executeServerCommand } from '../commands/server';
import type { ClientCommand } from '../commands/types';

/** Messages from the webview (client/media/diagram.js). */
type FromWebview = { type: 'ready' } | { type: 'open'; id: string } | { type: 'focus'; name: string } | { type: 'export' };

/** Wait this long after the last keystroke before redrawing. */
const DEBOUNCE_MS = 300;

/** Architecture: Show Architecture Diagram — a live, clickable picture of the manifests beside the editor. */
export const showDiagram: ClientCommand = {
  id: 'archframe.showDiagram',
  async run(client: LanguageClient, context: ExtensionContext) {
    DiagramPanel.show(client, context);
  },
};

class DiagramPanel {
  private static current: DiagramPanel | undefined;
  private readonly disposables: Disposable[] = [];
  private elements = new Map<string, DiagramElement>();
  private focus = '';
  private timer: NodeJS.Timeout | undefined;
  /** Answers to older requests are dropped: only the newest picture is shown. */
  private generation = 0;

  static show(client: LanguageClient, context: ExtensionContext): void {
    if (DiagramPanel.current) {
      DiagramPanel.current.panel.reveal(ViewColumn.Beside, true);
      DiagramPanel.current.refresh();
      return;
    }
    const media = Uri.joinPath(context.extensionUri, 'client', 'media');
    const panel = window.createWebviewPanel(
      'archframe.diagram',
      'Architecture Diagram',
      { viewColumn: ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [media], retainContextWhenHidden: true },
    );
    DiagramPanel.current = new DiagramPanel(panel, client, media);
  }

  private constructor(
    private readonly panel: WebviewPanel,
    private readonly client: LanguageClient,
    media: Uri,
  ) {
    panel.webview.html = this.html(media);
    panel.webview.onDidReceiveMessage((message: FromWebview) => void this.receive(message), undefined, this.disposables);
    const redrawOn = (document: TextDocument) => {
      if (affectsDiagram(document)) this.schedule();
    };
    workspace.onDidChangeTextDocument((event) => redrawOn(event.document), undefined, this.disposables);
    workspace.onDidSaveTextDocument(redrawOn, undefined, this.disposables);
    workspace.onDidCreateFiles(() => this.schedule(), undefined, this.disposables);
    workspace.onDidDeleteFiles(() => this.schedule(), undefined, this.disposables);
    workspace.onDidRenameFiles(() => this.schedule(), undefined, this.disposables);
    panel.onDidDispose(() => this.dispose(), undefined, this.disposables);
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refresh();
    }, DEBOUNCE_MS);
  }

  refresh(): void {
    const generation = ++this.generation;
    void this.request(false).then(
      (result) => {
        if (generation !== this.generation) return;
        if ('svg' in result) this.elements = new Map(result.elements.map((e) => [e.id, e]));
        void this.panel.webview.postMessage({ type: 'diagram', focus: this.focus, ...result });
      },
      (error: Error) => {
        if (generation === this.generation) void this.panel.webview.postMessage({ type: 'diagram', message: `The language server could not draw the diagram: ${error.message}`, names: [] });
      },
    );
  }

  private request(standalone: boolean): Promise<DiagramResult> {
    return executeServerCommand(this.client, 'archframe.server.diagram', { focus: this.focus || undefined, standalone });
  }

  private async receive(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.refresh();
        return;
      case 'focus':
        this.focus = message.name.trim();
        this.refresh();
        return;
      case 'open':
        await this.open(message.id);
        return;
      case 'export':
        await this.export();
        return;
    }
  }

  /** Jumps to where the element is written, in the editor column the diagram is not in. */
  private async open(id: string): Promise<void> {
    const location = this.elements.get(id)?.location;
    if (!location) {
      void window.showInformationMessage(`'${id.replace(/^missing:/, '')}' is named in a dependency but defined nowhere.`);
      return;
    }
    const uri = Uri.parse(location.uri);
    const { start, end } = location.range;
    const visible = window.visibleTextEditors.find((editor) => editor.document.uri.toString() === uri.toString());
    const column = visible?.viewColumn ?? (this.panel.viewColumn === ViewColumn.One ? ViewColumn.Two : ViewColumn.One);
    const document = await workspace.openTextDocument(uri);
    await window.showTextDocument(document, { viewColumn: column, selection: new Range(start.line, start.character, end.line, end.character), preserveFocus: false });
  }

  private async export(): Promise<void> {
    const result = await this.request(true);
    if (!('svg' in result)) {
      void window.showWarningMessage(result.message);
      return;
    }
    const folder = workspace.workspaceFolders?.[0]?.uri;
    const name = `${result.system ?? 'architecture'}${result.focus ? `-${result.focus}` : ''}.svg`;
    const target = await window.showSaveDialog({
      title: 'Export Architecture Diagram',
      defaultUri: folder ? Uri.joinPath(folder, name) : undefined,
      filters: { 'SVG image': ['svg'] },
      saveLabel: 'Export',
    });
    if (!target) return;
    await workspace.fs.writeFile(target, new TextEncoder().encode(result.svg));
    void window.showInformationMessage(`Architecture diagram written to ${workspace.asRelativePath(target)}.`);
  }

  private html(media: Uri): string {
    const webview = this.panel.webview;
    const nonce = randomBytes(16).toString('base64');
    const script = webview.asWebviewUri(Uri.joinPath(media, 'diagram.js'));
    const style = webview.asWebviewUri(Uri.joinPath(media, 'diagram.css'));
    const csp = [
      "default-src 'none'",
      `style-src ${webview.cspSource} 'nonce-${nonce}'`,
      `script-src 'nonce-${nonce}'`,
      `img-src ${webview.cspSource} data:`,
      `font-src ${webview.cspSource}`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>Architecture Diagram</title>
</head>
<body>
<header class="toolbar" role="toolbar" aria-label="Diagram">
  <input id="focus" type="search" list="names" placeholder="Show one element's neighbourhood…" aria-label="Show one element's neighbourhood" autocomplete="off">
  <datalist id="names"></datalist>
  <button id="all" type="button" class="secondary" title="Show the whole architecture">Show all</button>
  <button id="fit" type="button" class="secondary" aria-pressed="true" title="Fit the diagram to the panel, or show it at full size">Fit</button>
  <button id="export" type="button" title="Save the diagram as an SVG file">Export SVG…</button>
  <span id="status" role="status" aria-live="polite"></span>
</header>
<main id="canvas" class="fit" aria-label="Architecture diagram"></main>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
  }

  private dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    DiagramPanel.current = undefined;
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}

/** Manifests draw the picture; ADRs, runbooks and the configuration change the findings drawn on it. */
function affectsDiagram(document: TextDocument): boolean {
  if (document.uri.scheme !== 'file' && document.uri.scheme !== 'untitled') return false;
  return document.languageId === 'archframe-manifest' || document.languageId === 'markdown' || /(^|\/)\.archframe\.yaml$/.test(document.uri.path);
}
