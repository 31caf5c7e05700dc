// A message with **strong** parts, rendered as text and <strong> elements (never as HTML), so
// translators keep the emphasis where their sentence puts it.
export function Rich({ text }: { text: string }) {
  return (
    <>
      {text.split('**').map((part, i) => (i % 2 === 1 ? <strong key={i}>{part}</strong> : part))}
    </>
  );
}
