// The charts' colours (no ECharts import: cards read them before the charts load).
export const palette = ['#0f5b4f', '#8a3b00', '#3b5bdb', '#9c36b5', '#2b8a3e', '#c92a2a', '#5c677d']
