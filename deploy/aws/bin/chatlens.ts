// `cdk synth` / `cdk deploy` entry point (cdk.json); `tsx bin/chatlens.ts` synthesizes offline into
// $CDK_OUTDIR (cdk.out by default).
import { makeApp } from '../lib/app.ts'

makeApp().app.synth()
