// The web app: a private S3 bucket behind CloudFront (origin access control, HTTPS only), the
// app's security headers as response-headers policies, hashed build assets cached for a year,
// index.html never cached, optionally a replica bucket in a second region as failover origin,
// and the community API (/api/*) forwarded to the service's load balancer, so the page talks to
// its own origin only.
import { Duration, Stack } from 'aws-cdk-lib'
import * as acm from 'aws-cdk-lib/aws-certificatemanager'
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront'
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins'
import type * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2'
import * as s3 from 'aws-cdk-lib/aws-s3'
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment'
import { NagSuppressions } from 'cdk-nag'
import { Construct } from 'constructs'
import type { ChatlensConfig } from './config.ts'
import { pagePolicy } from './page-policy.ts'
import { privateBucket } from './buckets.ts'

export const IMMUTABLE = 'public, max-age=31536000, immutable'
export const NO_CACHE = 'no-cache'

export interface WebProps {
  config: ChatlensConfig
  loadBalancer: elbv2.IApplicationLoadBalancer
  /** The replica bucket's name in config.failoverRegion (WebFailoverStack), when there is one. */
  failoverBucketName?: string
}

export class Web extends Construct {
  readonly bucket: s3.Bucket
  readonly distribution: cloudfront.Distribution

  constructor(scope: Construct, id: string, props: WebProps) {
    super(scope, id)
    const { config } = props
    const logs = privateBucket(this, 'AccessLogs', { objectOwnership: s3.ObjectOwnership.OBJECT_WRITER })
    NagSuppressions.addResourceSuppressions(logs, [
      { id: 'AwsSolutions-S1', reason: 'This is the access-log bucket itself; logging it into itself would loop.' },
    ])
    this.bucket = privateBucket(this, 'Site', { serverAccessLogsBucket: logs, serverAccessLogsPrefix: 'site/' })

    const headers = (name: string, cacheControl: string) =>
      new cloudfront.ResponseHeadersPolicy(this, name, {
        comment: `chatlens: security headers, Cache-Control ${cacheControl}`,
        securityHeadersBehavior: {
          contentSecurityPolicy: { contentSecurityPolicy: pagePolicy(), override: true },
          contentTypeOptions: { override: true },
          frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
          referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.NO_REFERRER, override: true },
          strictTransportSecurity: {
            accessControlMaxAge: Duration.days(365),
            includeSubdomains: true,
            override: true,
          },
        },
        customHeadersBehavior: {
          customHeaders: [
            { header: 'Cache-Control', value: cacheControl, override: true },
            { header: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()', override: true },
            { header: 'Cross-Origin-Opener-Policy', value: 'same-origin', override: true },
          ],
        },
      })
    const pageHeaders = headers('PageHeaders', NO_CACHE)
    const assetHeaders = headers('AssetHeaders', IMMUTABLE)

    const primary = origins.S3BucketOrigin.withOriginAccessControl(this.bucket)
    let siteOrigin: cloudfront.IOrigin = primary
    if (config.failoverRegion && props.failoverBucketName) {
      // The replica (kept in step by S3 replication, WebFailoverStack) answers when the primary fails.
      const replica = s3.Bucket.fromBucketAttributes(this, 'Replica', {
        bucketName: props.failoverBucketName,
        region: config.failoverRegion,
      })
      siteOrigin = new origins.OriginGroup({
        primaryOrigin: primary,
        fallbackOrigin: origins.S3BucketOrigin.withOriginAccessControl(replica),
        fallbackStatusCodes: [500, 502, 503, 504, 403, 404],
      })
    }

    // The load balancer speaks HTTP inside AWS and accepts connections from CloudFront only
    // (its security group admits the CloudFront origin-facing prefix list).
    const api = new origins.LoadBalancerV2Origin(props.loadBalancer, {
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTP_ONLY,
      readTimeout: Duration.seconds(15),
    })
    const certificate = config.certificateArn ? acm.Certificate.fromCertificateArn(this, 'Certificate', config.certificateArn) : undefined

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'chatlens web app and community API',
      defaultRootObject: 'index.html',
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      minimumProtocolVersion: certificate ? cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021 : undefined,
      domainNames: config.domainName ? [config.domainName] : undefined,
      certificate,
      // No access logs: they would hold every visitor's address, which chatlens never keeps.
      enableLogging: false,
      defaultBehavior: {
        origin: siteOrigin,
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
        responseHeadersPolicy: pageHeaders,
        compress: true,
      },
      additionalBehaviors: {
        'assets/*': {
          origin: siteOrigin,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
          responseHeadersPolicy: assetHeaders,
          compress: true,
        },
        'api/*': {
          origin: api,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          // The service sets its own caching headers (ETag on /community); CloudFront passes them on.
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: cloudfront.ResponseHeadersPolicy.SECURITY_HEADERS,
          compress: true,
        },
      },
    })
    NagSuppressions.addResourceSuppressions(this.distribution, [
      {
        id: 'AwsSolutions-CFR3',
        reason: 'Access logs would record every visitor address; chatlens keeps no client addresses (server/README.md).',
      },
      {
        id: 'AwsSolutions-CFR1',
        reason: 'The app is for everyone, everywhere: no geographic restriction.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'No WAF web ACL by default (cost at small scale); the service validates and rate-limits requests itself. Add one in us-east-1 when traffic grows.',
      },
      ...(certificate
        ? []
        : [
            {
              id: 'AwsSolutions-CFR4',
              reason:
                'Without a custom domain CloudFront serves its default certificate, whose TLS floor it sets itself; with domainName and certificateArn the distribution enforces TLSv1.2_2021.',
            },
          ]),
      {
        id: 'AwsSolutions-CFR5',
        reason:
          'The load balancer origin is reached over HTTP inside AWS; only CloudFront can reach it (prefix-list security group). Provide a certificate on the load balancer to change this.',
      },
    ])

    if (config.webDist) {
      // The built app: hashed assets first, index.html last, old files removed, index.html invalidated.
      const deployment = new s3deploy.BucketDeployment(this, 'Upload', {
        sources: [s3deploy.Source.asset(config.webDist)],
        destinationBucket: this.bucket,
        distribution: this.distribution,
        distributionPaths: ['/index.html', '/'],
        prune: true,
        memoryLimit: 512,
      })
      NagSuppressions.addResourceSuppressions(
        Stack.of(this),
        [
          {
            id: 'AwsSolutions-IAM4',
            reason: 'The CDK BucketDeployment handler uses the AWS managed basic execution role for its logs.',
            appliesTo: ['Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'],
          },
          {
            id: 'AwsSolutions-IAM5',
            reason: 'The CDK BucketDeployment handler copies the asset objects into the site bucket (object-level wildcards on those two buckets only).',
          },
          { id: 'AwsSolutions-L1', reason: 'The CDK BucketDeployment handler runtime is chosen by aws-cdk-lib, pinned in package.json.' },
        ],
        true,
      )
      void deployment
    }
  }
}
