/// <reference types="vite/client" />
declare const __CHATLENS_VERSION__: string
declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, any>
  export default component
}
