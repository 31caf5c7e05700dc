/// <reference types="vite/client" />

declare module 'virtual:known-hosts' {
  const bloom: import('./core/bloom').Bloom;
  export default bloom;
}
