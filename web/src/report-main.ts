// Entry of the single-file report: reads the report JSON that `chatlens report`
// embedded in <script type="application/json" id="chatlens-report">.
import { createApp } from 'vue'
import { lang } from './i18n'
import type { Json } from './lib/json'
import ReportApp from './ReportApp.vue'
import { startRouter } from './router'
import './styles.css'

function embeddedReport(): { report: Json | null; problem: string | null } {
  const el = document.getElementById('chatlens-report')
  const text = el?.textContent?.trim() ?? ''
  // The template's placeholder, spelled in two parts so the C++ side never finds it here.
  if (!text || text === '__CHATLENS_' + 'REPORT_JSON__') return { report: null, problem: 'single.template' }
  try {
    return { report: JSON.parse(text), problem: null }
  } catch {
    return { report: null, problem: 'single.invalid' }
  }
}

document.documentElement.lang = lang.value
startRouter()
createApp(ReportApp, embeddedReport()).mount('#app')
