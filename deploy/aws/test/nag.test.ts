// cdk-nag (AWS Solutions rules) finds no unsuppressed error in any stack, and every suppression
// says why. This is also the CI synthesis: the assembly lands in $CDK_OUTDIR when it is set.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { Annotations, Match } from 'aws-cdk-lib/assertions'
import type { Stack } from 'aws-cdk-lib'
import { fullApp, plainApp } from './apps.ts'

function stacksOf(app: ReturnType<typeof fullApp>): Stack[] {
  return Object.values(app.stacks).filter((s): s is Stack => s !== undefined)
}

for (const [name, make] of [
  ['every option', fullApp],
  ['default settings', plainApp],
] as const) {
  test(`cdk-nag: no unsuppressed error or warning (${name})`, () => {
    const app = make()
    const assembly = app.app.synth()
    assert.ok(assembly.stacks.length >= (name === 'every option' ? 4 : 2))
    for (const stack of stacksOf(app)) {
      const errors = Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('AwsSolutions-'))
      const warnings = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('AwsSolutions-'))
      assert.deepEqual(
        [...errors, ...warnings].map((e) => `${e.id}: ${String(e.entry.data).slice(0, 160)}`),
        [],
        `${stack.stackName}: unsuppressed cdk-nag findings`,
      )
    }
  })
}

test('cdk-nag: every suppression in the templates names a reason', () => {
  let suppressions = 0
  for (const stack of stacksOf(fullApp())) {
    const template = fullApp().app.synth().getStackByName(stack.stackName).template as {
      Resources: Record<string, { Metadata?: { cdk_nag?: { rules_to_suppress?: { id: string; reason: string }[] } } }>
    }
    for (const [id, r] of Object.entries(template.Resources)) {
      for (const s of r.Metadata?.cdk_nag?.rules_to_suppress ?? []) {
        suppressions++
        assert.ok(s.reason && s.reason.length >= 20, `${stack.stackName}/${id}: suppression ${s.id} without a real reason`)
      }
    }
  }
  assert.ok(suppressions > 0, 'the suppressions are written into the templates')
})
