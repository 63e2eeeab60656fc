import { apiUrl } from '../../api/client.js';
import type { Locale } from '../../api/types.js';

/**
 * Address of the printed COMPSTAT meeting book (GET /api/v1/book): the week shown, one page per unit
 * of the chosen level (the server's default, the top level, when none is chosen), in the dashboard's
 * language. The server names the file (Content-Disposition), so a plain link downloads it.
 */
export function bookPdfUrl(week: string, level: string | undefined, lang: Locale): string {
  return apiUrl('/book', { week, level }, lang);
}
