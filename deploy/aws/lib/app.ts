// The CDK app with cdk-nag's AWS Solutions rules applied to every stack.
import { App, Aspects, type AppProps } from 'aws-cdk-lib'
import { AwsSolutionsChecks } from 'cdk-nag'
import { readConfig } from './config.ts'
import { buildStacks, type ChatlensApp } from './stacks.ts'

export function makeApp(props: AppProps = {}): { app: App; stacks: ChatlensApp } {
  const app = new App(props)
  const stacks = buildStacks(app, readConfig(app.node))
  Aspects.of(app).add(new AwsSolutionsChecks({ verbose: true, reports: true }))
  return { app, stacks }
}
