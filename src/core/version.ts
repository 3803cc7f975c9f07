/** The tool's version, reported in every report and in the User-Agent. Keep in step with package.json. */
export const TOOL_VERSION = '0.1.0';

/** Honest User-Agent sent with every request (DESIGN.md §3). */
export const USER_AGENT = `oit-audit/${TOOL_VERSION} (+https://github.com/oit-audit/oit-audit)`;
