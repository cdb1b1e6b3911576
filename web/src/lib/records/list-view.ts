/** The page sizes every record list offers (the API caps a page at 100), and the default. */
export const PAGE_SIZES = [10, 20, 50, 100];
export const DEFAULT_PAGE_SIZE = 20;
