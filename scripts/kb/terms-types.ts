// ToS;DR names documents freely ("Data Use Policy", "Reddit User Agreement", "TERMS OF USE");
// OTA uses a fixed list of terms types. This maps the former onto the few OTA types that matter
// for matching quotes to archived texts.
export function termsTypeForDocName(name: string): string | null {
  const n = name.toLowerCase();
  if (/cookie|tracker|tracking/.test(n)) return 'Trackers Policy';
  if (/privacy|data (?:use )?policy|data protection|datenschutz|confidentialit|données|personal (?:data|information)/.test(n)) return 'Privacy Policy';
  if (/community|guideline|acceptable use|rules|conduct/.test(n)) return 'Community Guidelines';
  if (/copyright|dmca|intellectual property/.test(n)) return 'Copyright Claims Policy';
  if (/terms|agreement|conditions|eula|licen[cs]e|legal|tos\b|cgu|cgv|nutzungsbedingungen/.test(n)) return 'Terms of Service';
  return null;
}
