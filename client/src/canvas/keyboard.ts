/**
 * Keyboard use of the canvas (it is a <canvas>, so nothing in it is focusable by itself): with the
 * canvas focused, arrow keys move the selection from node to node in label order, Enter opens the
 * details, E expands, + / - zoom and 0 fits. Delete is handled globally (removes the selection).
 */
import type { NodeData } from '../../../server/api/contract';
import type { GraphCanvas } from './graph';

export interface CanvasKeyActions {
  open(data: NodeData): void;
  expand(key: string): void;
}

export function enableCanvasKeyboard(
  container: HTMLElement,
  canvas: GraphCanvas,
  actions: CanvasKeyActions,
): void {
  container.tabIndex = 0;
  container.setAttribute(
    'aria-keyshortcuts',
    'ArrowLeft ArrowRight ArrowUp ArrowDown Enter E Delete Plus Minus 0',
  );
  container.addEventListener('keydown', (event) => {
    const cy = canvas.cy;
    const nodes = cy
      .nodes(':visible')
      .sort((a, b) => String(a.data('label')).localeCompare(String(b.data('label'))));
    if (nodes.empty()) return;
    const current = cy.nodes(':selected').first();
    const index = current.empty() ? -1 : nodes.toArray().findIndex((n) => n.id() === current.id());
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowDown':
      case 'ArrowLeft':
      case 'ArrowUp': {
        event.preventDefault();
        const step = event.key === 'ArrowRight' || event.key === 'ArrowDown' ? 1 : -1;
        const next = nodes[(index + step + nodes.length) % nodes.length];
        canvas.select(next.id());
        const announce = document.getElementById('canvas-announce');
        if (announce)
          announce.textContent = `${next.data('label')}, ${next.data('type')}, ${next.degree(false)} connections on the canvas`;
        break;
      }
      case 'Enter':
        if (!current.empty()) {
          event.preventDefault();
          actions.open(current.data() as NodeData);
        }
        break;
      case 'e':
      case 'E':
        if (!current.empty()) actions.expand(current.id());
        break;
      case '+':
      case '=':
        cy.zoom({ level: cy.zoom() * 1.2, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
        break;
      case '-':
        cy.zoom({ level: cy.zoom() / 1.2, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
        break;
      case '0':
        canvas.fit();
        break;
    }
  });
}
