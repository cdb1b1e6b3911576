import { useSearchParams } from 'react-router-dom';

/**
 * Whether the page was opened to correct a returned record (`?new=1`, see createDialogPath): its
 * create dialog opens and reads the draft; closing it takes the mark out of the address.
 */
export function useDraftDialog() {
  const [search, setSearch] = useSearchParams();
  const open = search.get('new') === '1';
  const close = () => {
    if (!open) return;
    const next = new URLSearchParams(search);
    next.delete('new');
    setSearch(next, { replace: true });
  };
  return { open, close };
}
