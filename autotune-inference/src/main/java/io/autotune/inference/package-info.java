/**
 * API: adapters for tuning LLM inference servers: launching SGLang/vLLM-style servers, generating
 * OpenAI-compatible load, importing genai-bench results and SLO presets. The public classes are the
 * API; the package-private ones are not. Each public class states whether it is thread-safe.
 */
package io.autotune.inference;
