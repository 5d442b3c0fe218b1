// The apps the tests synthesize, once each: the default settings, and every option turned on.
import type { App } from 'aws-cdk-lib'
import { makeApp } from '../lib/app.ts'
import type { ChatlensApp } from '../lib/stacks.ts'

export const FULL_CONTEXT = {
  region: 'eu-west-1',
  failoverRegion: 'eu-central-1',
  githubRepository: 'example-owner/chatlens',
  domainName: 'chatlens.example.org',
  certificateArn: 'arn:aws:acm:us-east-1:111111111111:certificate/00000000-0000-0000-0000-000000000000',
  imageTag: '0123456789abcdef',
  desiredCount: 2,
  maxCount: 6,
}

let full: { app: App; stacks: ChatlensApp } | undefined
let plain: { app: App; stacks: ChatlensApp } | undefined

// outdir: where the cloud assembly goes (CDK_OUTDIR: kept for CI as the synthesized templates).
export function fullApp() {
  full ??= makeApp({ context: FULL_CONTEXT, outdir: process.env.CDK_OUTDIR })
  return full
}

export function plainApp() {
  plain ??= makeApp({ context: {} })
  return plain
}
