import { describe, expect, it } from 'vitest';
import { isOwnPageSender } from '../../src/extension/messages';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const BASE = `chrome-extension://${ID}/`;

describe("isOwnPageSender (issue 12 item 3): only the extension's own pages command audits", () => {
  it('accepts the side panel, also opened in a tab', () => {
    expect(isOwnPageSender({ id: ID, url: `${BASE}sidepanel.html` }, ID, BASE)).toBe(true);
  });

  it('refuses a content script (the web page URL), another extension, and a sender without a URL', () => {
    expect(isOwnPageSender({ id: ID, url: 'https://evil.example/' }, ID, BASE)).toBe(false);
    expect(
      isOwnPageSender({ id: 'otherextensionidotherextensionid', url: `${BASE}sidepanel.html` }, ID, BASE),
    ).toBe(false);
    expect(
      isOwnPageSender(
        {
          id: 'otherextensionidotherextensionid',
          url: 'chrome-extension://otherextensionidotherextensionid/x.html',
        },
        ID,
        BASE,
      ),
    ).toBe(false);
    expect(isOwnPageSender({ id: ID }, ID, BASE)).toBe(false);
    expect(isOwnPageSender({}, ID, BASE)).toBe(false);
  });
});
