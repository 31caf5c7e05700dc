/// <reference types="vite/client" />

declare module 'virtual:unmarked-hosts' {
  const bloom: import('./core/bloom').Bloom;
  export default bloom;
}
