import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // The side panel opens from the toolbar button; the audit wiring lands with the extension issue.
  chrome.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
});
