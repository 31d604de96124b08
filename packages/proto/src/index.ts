/**
 * @llmsr/proto: the llmsr Connect/gRPC API (`llmsr.registry.v1`) as protobuf-es v2 descriptors
 * and types, generated from `proto/llmsr/registry/v1/registry.proto`.
 * @module
 */

export * from './gen/llmsr/registry/v1/registry_pb.js';

/** Path of the `.proto` sources inside the repository (for loaders such as `@grpc/proto-loader`). */
export const PROTO_FILE = 'llmsr/registry/v1/registry.proto';
