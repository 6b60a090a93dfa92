/**
 * Skip links (the first stops of the tab order) move the focus to their target themselves: a plain
 * "#cy" link would put a fragment in the URL and a history entry, which the view's own URL state
 * and Back/Forward handling do not expect.
 */
export function enableSkipLinks(root: ParentNode = document): void {
  for (const link of root.querySelectorAll<HTMLAnchorElement>('a.skip-link[href^="#"]')) {
    link.addEventListener('click', (event) => {
      const target = document.getElementById(link.hash.slice(1));
      if (!target) return;
      event.preventDefault();
      target.focus();
    });
  }
}
