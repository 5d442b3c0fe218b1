declare module '*/wasm-gen/chatlens_core.js' {
  const createChatlensCore: (module?: Record<string, unknown>) => Promise<unknown>
  export default createChatlensCore
}
