// The browser every end-to-end file starts: Debian Chromium with the built extension
// (CLAUSEMARK_DIST, else dist/chrome), the given pages routed at their addresses, and the
// knowledge base installed before any test runs.
import path from 'node:path';
import { PROJECT_ROOT } from '../fixtures/pages';
import { launchWithExtension, waitForKnowledgeBase, type ExtensionSession, type RoutedPage } from '../../scripts/lib/chromium';

export async function openBrowser(pages: readonly RoutedPage[], extraArgs?: string[]): Promise<ExtensionSession> {
  const session = await launchWithExtension({
    extensionDir: process.env.CLAUSEMARK_DIST ?? path.join(PROJECT_ROOT, 'dist/chrome'),
    headless: true,
    pages,
    extraArgs,
  });
  await waitForKnowledgeBase(session);
  return session;
}
