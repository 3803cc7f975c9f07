import { defineConfig } from 'wxt';

// The e2e build grants loopback at build time: Chrome's permission prompt cannot be
// answered in headless mode (toolchain.md §4). Normal builds ask at run time.
const e2e = process.env.OIT_E2E === '1';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  imports: false,
  outDir: e2e ? '.output-e2e' : '.output',
  webExt: { disabled: true },
  manifest: {
    name: 'oit-audit',
    description: 'ตรวจเว็บไซต์หน่วยงานตามเกณฑ์ OIT (ITA) — audit a Thai agency website against the ITA OIT items',
    permissions: ['sidePanel', 'storage', 'activeTab', 'contextMenus'],
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    ...(e2e ? { host_permissions: ['http://127.0.0.1/*'] } : {}),
    action: { default_title: 'oit-audit' },
    // sidePanel.open() from a context-menu click needs Chrome 116.
    minimum_chrome_version: '116',
  },
});
