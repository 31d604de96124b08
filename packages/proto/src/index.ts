/**
 * @llmsr/proto: the llmsr Connect/gRPC API (`llmsr.registry.v1`) as protobuf-es v2 descriptors
 * and types, generated from `proto/llmsr/registry/v1/registry.proto`.
 * @module
 */

export * from './gen/llmsr/registry/v1/registry_pb.js';
