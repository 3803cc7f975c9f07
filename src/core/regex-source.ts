import * as z from 'zod';

/**
 * A zod string that must compile as a JavaScript regular expression with the `u` flag: used
 * for rule-pack text patterns, crawl skip patterns and config include/skip lists alike.
 */
export const regexSourceSchema = z.string().refine(
  (s) => {
    try {
      new RegExp(s, 'u');
      return true;
    } catch {
      return false;
    }
  },
  {
    message: 'not a valid regular expression (JavaScript syntax, u flag), e.g. "/calendar/" or "\\\\?print="',
  },
);
