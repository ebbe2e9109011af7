// The Architecture Diagram webview: shows the SVG the language server draws,
// reports clicks (jump to definition), the neighbourhood filter and export to
// the extension. Loaded as a static file under a strict content security
// policy: no inline handlers, styles only through the nonce'd element below.
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const nonce = document.currentScript && document.currentScript.nonce;
  const canvas = document.getElementById('canvas');
  const focusInput = document.getElementById('focus');
  const names = document.getElementById('names');
  const status = document.getElementById('status');
  const fitButton = document.getElementById('fit');
  const state = vscode.getState() || { focus: '', fit: true };
  let diagramStyle;

  focusInput.value = state.focus || '';
  setFit(state.fit !== false);

  function save(patch) {
    Object.assign(state, patch);
    vscode.setState(state);
  }

  function setFit(fit) {
    canvas.classList.toggle('fit', fit);
    fitButton.setAttribute('aria-pressed', String(fit));
    save({ fit });
  }

  /** The diagram's stylesheet comes with the first answer; a style element carrying the page's nonce is allowed by the policy. */
  function applyStyle(css) {
    if (!css || (diagramStyle && diagramStyle.textContent === css)) return;
    if (!diagramStyle) {
      diagramStyle = document.createElement('style');
      if (nonce) diagramStyle.setAttribute('nonce', nonce);
      document.head.appendChild(diagramStyle);
    }
    diagramStyle.textContent = css;
  }

  function showNames(list) {
    names.replaceChildren(
      ...list.map((name) => {
        const option = document.createElement('option');
        option.value = name;
        return option;
      }),
    );
  }

  function showMessage(text) {
    const paragraph = document.createElement('p');
    paragraph.className = 'message';
    paragraph.textContent = text;
    canvas.replaceChildren(paragraph);
    status.textContent = '';
  }

  function showSvg(markup) {
    const parsed = new DOMParser().parseFromString(markup, 'image/svg+xml');
    const svg = parsed.documentElement;
    if (svg.nodeName !== 'svg') {
      showMessage('The diagram could not be read.');
      return;
    }
    // Keep the drawn size as the natural size; CSS scales it down to fit when asked.
    svg.style.setProperty('--natural-width', svg.getAttribute('width') + 'px');
    for (const element of svg.querySelectorAll('.af-node, .af-edge')) {
      element.setAttribute('tabindex', '0');
      element.setAttribute('role', 'button');
      const title = element.querySelector('title');
      if (title) element.setAttribute('aria-label', title.textContent.split('\n')[0]);
    }
    const scroll = { left: canvas.scrollLeft, top: canvas.scrollTop };
    canvas.replaceChildren(document.importNode(svg, true));
    canvas.scrollLeft = scroll.left;
    canvas.scrollTop = scroll.top;
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || message.type !== 'diagram') return;
    showNames(message.names || []);
    if (message.message) {
      showMessage(message.message);
      return;
    }
    applyStyle(message.css);
    showSvg(message.svg);
    const flagged = message.elements.filter((e) => e.ruleIds.length > 0).length;
    const nodes = message.elements.filter((e) => e.kind !== 'edge').length;
    status.textContent = `${nodes} elements, ${message.elements.length - nodes} dependencies${flagged ? `, ${flagged} with findings` : ''}${message.focus ? ` · around ${message.focus}` : ''}`;
  });

  function target(event) {
    const element = event.target instanceof Element ? event.target.closest('.af-node, .af-edge') : null;
    return element && canvas.contains(element) ? element.getAttribute('data-id') : null;
  }

  canvas.addEventListener('click', (event) => {
    const id = target(event);
    if (id) vscode.postMessage({ type: 'open', id });
  });
  canvas.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const id = target(event);
    if (!id) return;
    event.preventDefault();
    vscode.postMessage({ type: 'open', id });
  });

  function applyFocus(name) {
    save({ focus: name });
    vscode.postMessage({ type: 'focus', name });
  }
  focusInput.addEventListener('change', () => applyFocus(focusInput.value.trim()));
  focusInput.addEventListener('search', () => applyFocus(focusInput.value.trim()));
  document.getElementById('all').addEventListener('click', () => {
    focusInput.value = '';
    applyFocus('');
  });
  fitButton.addEventListener('click', () => setFit(!canvas.classList.contains('fit')));
  document.getElementById('export').addEventListener('click', () => vscode.postMessage({ type: 'export' }));

  if (state.focus) vscode.postMessage({ type: 'focus', name: state.focus });
  vscode.postMessage({ type: 'ready' });
})();
