/// <reference types="vite/client" />

declare module 'virtual:known-hosts' {
  const bloom: import('./core/bloom').Bloom;
  export default bloom;
}

declare module 'virtual:unmarked-hosts' {
  const bloom: import('./core/bloom').Bloom;
  export default bloom;
}
