// Generated copy of AIML's published video-model request schemas, so the product never reads ../shared at run time.
// GENERATED FILE -- do not edit by hand.
// Regenerate: npx tsx scripts/import-catalog.ts [path-to-video-models.json]
// Source: AIML API public reference (aimlapi/api-docs, docs/api-references/video-models/**), request bodies of POST video generation and the generation status response; descriptions removed
// Extracted: 2026-11-21; 143 models; facts sha256 267cb3be27e6241f77bec4c279c8883315b2c27da99b3383fcfa93c10fb38f19
import type { CatalogSource, JsonSchemaObject, RawModelSchema } from "../json-schema.js";

export const AIML_CATALOG_SOURCE: CatalogSource = {
  "source": "AIML API public reference (aimlapi/api-docs, docs/api-references/video-models/**), request bodies of POST video generation and the generation status response; descriptions removed",
  "extracted": "2026-11-21",
  "sha256": "267cb3be27e6241f77bec4c279c8883315b2c27da99b3383fcfa93c10fb38f19"
};

export const AIML_GENERATION_RESPONSE: JsonSchemaObject = {
  "type": "object",
  "properties": {
    "id": {
      "type": "string"
    },
    "status": {
      "type": "string",
      "enum": [
        "queued",
        "generating",
        "completed",
        "error"
      ]
    },
    "video": {
      "type": "object",
      "nullable": true,
      "properties": {
        "url": {
          "type": "string",
          "format": "uri"
        }
      },
      "required": [
        "url"
      ]
    },
    "error": {
      "type": "object",
      "nullable": true,
      "properties": {
        "name": {
          "type": "string"
        },
        "message": {
          "type": "string"
        }
      },
      "required": [
        "name",
        "message"
      ]
    },
    "meta": {
      "type": "object",
      "nullable": true,
      "properties": {
        "usage": {
          "type": "object",
          "nullable": true,
          "properties": {
            "credits_used": {
              "type": "number"
            }
          },
          "required": [
            "credits_used"
          ]
        }
      }
    }
  },
  "required": [
    "id",
    "status"
  ]
};

export const AIML_MODELS: Readonly<Record<string, RawModelSchema>> = {
  "alibaba/happyhorse-1-0": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "reference_image_urls": {
        "type": "array",
        "items": {
          "type": "string",
          "format": "uri"
        },
        "maxItems": 9
      },
      "video_url": {
        "type": "string",
        "format": "uri"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16",
          "1:1",
          "4:3",
          "3:4"
        ],
        "default": "16:9"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "720p",
          "1080p"
        ],
        "default": "1080p"
      },
      "duration": {
        "type": "integer",
        "enum": [
          3,
          4,
          5,
          6,
          7,
          8,
          9,
          10,
          11,
          12,
          13,
          14,
          15
        ],
        "default": "10"
      },
      "audio_setting": {
        "type": "string",
        "enum": [
          "auto",
          "origin"
        ],
        "default": "auto"
      },
      "seed": {
        "type": "integer"
      },
      "watermark": {
        "type": "boolean",
        "default": false
      }
    }
  },
  "alibaba/happyhorse-1.1": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "reference_image_urls": {
        "type": "array",
        "items": {
          "type": "string",
          "format": "uri"
        },
        "maxItems": 9
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16",
          "1:1",
          "4:3",
          "3:4"
        ],
        "default": "16:9"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "720p",
          "1080p"
        ],
        "default": "1080p"
      },
      "duration": {
        "type": "integer",
        "enum": [
          3,
          4,
          5,
          6,
          7,
          8,
          9,
          10,
          11,
          12,
          13,
          14,
          15
        ],
        "default": "10"
      },
      "seed": {
        "type": "integer"
      },
      "watermark": {
        "type": "boolean",
        "default": false
      }
    }
  },
  "alibaba/wan-2-6-i2v": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt",
      "image_url"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "audio_url": {
        "type": "string",
        "format": "uri"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "720p",
          "1080p"
        ],
        "default": "1080p"
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          10,
          15
        ],
        "default": "10"
      },
      "negative_prompt": {
        "type": "string"
      },
      "shot_type": {
        "type": "string",
        "enum": [
          "single",
          "multi"
        ],
        "default": "single"
      },
      "generate_audio": {
        "type": "boolean",
        "default": true
      },
      "seed": {
        "type": "integer"
      },
      "enhance_prompt": {
        "type": "boolean",
        "default": true
      }
    }
  },
  "alibaba/wan-2-6-image-to-video-flash": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt",
      "image_url"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "audio_url": {
        "type": "string",
        "format": "uri"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "720p",
          "1080p"
        ],
        "default": "720p"
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          10,
          15
        ],
        "default": "10"
      },
      "negative_prompt": {
        "type": "string"
      },
      "shot_type": {
        "type": "string",
        "enum": [
          "single",
          "multi"
        ],
        "default": "single"
      },
      "generate_audio": {
        "type": "boolean",
        "default": true
      },
      "seed": {
        "type": "integer"
      },
      "enhance_prompt": {
        "type": "boolean",
        "default": true
      }
    }
  },
  "alibaba/wan-2-6-r2v": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt",
      "video_urls"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "video_urls": {
        "type": "array",
        "items": {
          "type": "string",
          "format": "uri"
        },
        "minItems": 1,
        "maxItems": 3
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16",
          "1:1",
          "4:3",
          "3:4"
        ],
        "default": "16:9"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "720p",
          "1080p"
        ],
        "default": "1080p"
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          10,
          15
        ],
        "default": "10"
      },
      "negative_prompt": {
        "type": "string"
      },
      "shot_type": {
        "type": "string",
        "enum": [
          "single",
          "multi"
        ],
        "default": "single"
      },
      "seed": {
        "type": "integer"
      },
      "enhance_prompt": {
        "type": "boolean",
        "default": true
      }
    }
  },
  "alibaba/wan-2-6-t2v": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "audio_url": {
        "type": "string",
        "format": "uri"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16",
          "1:1",
          "4:3",
          "3:4"
        ],
        "default": "16:9"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "720p",
          "1080p"
        ],
        "default": "1080p"
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          10,
          15
        ],
        "default": "10"
      },
      "negative_prompt": {
        "type": "string"
      },
      "shot_type": {
        "type": "string",
        "enum": [
          "single",
          "multi"
        ],
        "default": "single"
      },
      "generate_audio": {
        "type": "boolean",
        "default": true
      },
      "seed": {
        "type": "integer"
      },
      "enhance_prompt": {
        "type": "boolean",
        "default": true
      }
    }
  },
  "alibaba/wan-2-7-i2v": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt",
      "image_url"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "audio_url": {
        "type": "string",
        "format": "uri"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "720p",
          "1080p"
        ],
        "default": "1080p"
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          10,
          15
        ],
        "default": "10"
      },
      "enable_prompt_expansion": {
        "type": "boolean",
        "default": true
      },
      "enhance_prompt": {
        "type": "boolean",
        "default": true
      },
      "negative_prompt": {
        "type": "string",
        "maxLength": 500
      },
      "seed": {
        "type": "integer"
      },
      "watermark": {
        "type": "boolean",
        "default": false
      }
    }
  },
  "alibaba/wan-2-7-r2v": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "first_frame_image": {
        "type": "string",
        "format": "uri"
      },
      "image_urls": {
        "type": "array",
        "items": {
          "type": "string",
          "format": "uri"
        },
        "maxItems": 5
      },
      "video_urls": {
        "type": "array",
        "items": {
          "type": "string",
          "format": "uri"
        },
        "maxItems": 5
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16",
          "1:1",
          "4:3",
          "3:4"
        ],
        "default": "16:9"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "720p",
          "1080p"
        ],
        "default": "1080p"
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          10,
          15
        ],
        "default": "10"
      },
      "enhance_prompt": {
        "type": "boolean",
        "default": true
      },
      "negative_prompt": {
        "type": "string",
        "maxLength": 500
      },
      "seed": {
        "type": "integer"
      },
      "watermark": {
        "type": "boolean",
        "default": false
      }
    }
  },
  "alibaba/wan-2-7-t2v": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "audio_url": {
        "type": "string",
        "format": "uri"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16",
          "1:1",
          "4:3",
          "3:4"
        ],
        "default": "16:9"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "720p",
          "1080p"
        ],
        "default": "1080p"
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          10,
          15
        ],
        "default": "10"
      },
      "negative_prompt": {
        "type": "string"
      },
      "shot_type": {
        "type": "string",
        "enum": [
          "single",
          "multi"
        ],
        "default": "single"
      },
      "generate_audio": {
        "type": "boolean",
        "default": true
      },
      "seed": {
        "type": "integer"
      },
      "enhance_prompt": {
        "type": "boolean",
        "default": true
      }
    }
  },
  "alibaba/wan2.1-t2v-plus": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "720P"
        ],
        "default": "720P"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16",
          "1:1",
          "4:3",
          "3:4"
        ],
        "default": "16:9"
      },
      "negative_prompt": {
        "type": "string"
      },
      "watermark": {
        "type": "boolean",
        "default": false
      },
      "seed": {
        "type": "integer"
      },
      "enhance_prompt": {
        "type": "boolean",
        "default": true
      }
    }
  },
  "alibaba/wan2.1-t2v-turbo": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "480P",
          "720P"
        ],
        "default": "720P"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16",
          "1:1",
          "4:3",
          "3:4"
        ],
        "default": "16:9"
      },
      "negative_prompt": {
        "type": "string"
      },
      "watermark": {
        "type": "boolean",
        "default": false
      },
      "seed": {
        "type": "integer"
      },
      "enhance_prompt": {
        "type": "boolean",
        "default": true
      }
    }
  },
  "alibaba/wan2.2-14b-animate-move": {
    "endpoint": "/v2/video/generations",
    "required": [
      "video_url",
      "image_url"
    ],
    "properties": {
      "video_url": {
        "type": "string",
        "format": "uri"
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "480p",
          "580p",
          "720p"
        ],
        "default": "480p"
      },
      "num_inference_steps": {
        "type": "integer",
        "default": 20
      },
      "enable_safety_checker": {
        "type": "boolean"
      },
      "shift": {
        "type": "number",
        "default": 5
      },
      "video_quality": {
        "type": "string",
        "enum": [
          "low",
          "medium",
          "high",
          "maximum"
        ],
        "default": "high"
      },
      "video_write_mode": {
        "type": "string",
        "enum": [
          "fast",
          "balanced",
          "small"
        ],
        "default": "balanced"
      }
    }
  },
  "alibaba/wan2.2-14b-animate-replace": {
    "endpoint": "/v2/video/generations",
    "required": [
      "video_url",
      "image_url"
    ],
    "properties": {
      "video_url": {
        "type": "string",
        "format": "uri"
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "480p",
          "580p",
          "720p"
        ],
        "default": "480p"
      },
      "num_inference_steps": {
        "type": "integer",
        "default": 20
      },
      "enable_safety_checker": {
        "type": "boolean"
      },
      "shift": {
        "type": "number",
        "default": 5
      },
      "video_quality": {
        "type": "string",
        "enum": [
          "low",
          "medium",
          "high",
          "maximum"
        ],
        "default": "high"
      },
      "video_write_mode": {
        "type": "string",
        "enum": [
          "fast",
          "balanced",
          "small"
        ],
        "default": "balanced"
      }
    }
  },
  "alibaba/wan2.2-i2v-plus": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt",
      "image_url"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "480P",
          "1080P"
        ],
        "default": "1080P"
      },
      "negative_prompt": {
        "type": "string"
      },
      "watermark": {
        "type": "boolean",
        "default": false
      },
      "seed": {
        "type": "integer"
      },
      "enhance_prompt": {
        "type": "boolean",
        "default": true
      }
    }
  },
  "alibaba/wan2.2-t2v-plus": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "480P",
          "1080P"
        ],
        "default": "1080P"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16",
          "1:1",
          "4:3",
          "3:4"
        ],
        "default": "16:9"
      },
      "negative_prompt": {
        "type": "string"
      },
      "watermark": {
        "type": "boolean",
        "default": false
      },
      "seed": {
        "type": "integer"
      },
      "enhance_prompt": {
        "type": "boolean",
        "default": true
      }
    }
  },
  "alibaba/wan2.2-vace-fun-a14b-depth": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt",
      "video_url"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "video_url": {
        "type": "string",
        "format": "uri"
      },
      "negative_prompt": {
        "type": "string",
        "default": "letterboxing, borders, black bars, bright colors, overexposed, static, blurred details, subtitles, style, artwork, painting, picture, still, overall gray, worst quality, low quality, JPEG compression residue, ugly, incomplete, extra fingers, poorly drawn hands, poorly drawn faces, deformed, disfigured, malformed limbs, fused fingers, still picture, cluttered background, three legs, many people in the background, walking backwards"
      },
      "match_input_num_frames": {
        "type": "boolean"
      },
      "num_frames": {
        "type": "integer",
        "minimum": 17,
        "maximum": 241,
        "default": 81
      },
      "match_input_frames_per_second": {
        "type": "boolean"
      },
      "frames_per_second": {
        "type": "integer",
        "minimum": 5,
        "maximum": 30,
        "default": 16
      },
      "resolution": {
        "type": "string",
        "enum": [
          "480p",
          "580p",
          "720p"
        ],
        "default": "480p"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "auto",
          "16:9",
          "1:1",
          "9:16"
        ],
        "default": "auto"
      },
      "num_inference_steps": {
        "type": "integer",
        "default": 30
      },
      "guidance_scale": {
        "type": "number",
        "default": 5
      },
      "shift": {
        "type": "number",
        "default": 5
      },
      "enable_safety_checker": {
        "type": "boolean"
      },
      "enable_prompt_expansion": {
        "type": "boolean"
      },
      "preprocess": {
        "type": "boolean"
      },
      "acceleration": {
        "type": "string",
        "enum": [
          "none",
          "regular"
        ],
        "default": "regular"
      },
      "video_quality": {
        "type": "string",
        "enum": [
          "low",
          "medium",
          "high",
          "maximum"
        ],
        "default": "high"
      },
      "video_write_mode": {
        "type": "string",
        "enum": [
          "fast",
          "balanced",
          "small"
        ],
        "default": "balanced"
      },
      "num_interpolated_frames": {
        "type": "integer"
      },
      "temporal_downsample_factor": {
        "type": "integer"
      },
      "enable_auto_downsample": {
        "type": "boolean"
      },
      "auto_downsample_min_fps": {
        "type": "number",
        "default": 15
      },
      "interpolator_model": {
        "type": "string",
        "enum": [
          "rife",
          "film"
        ],
        "default": "film"
      },
      "sync_mode": {
        "type": "boolean"
      }
    }
  },
  "alibaba/wan2.2-vace-fun-a14b-inpainting": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt",
      "video_url"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "video_url": {
        "type": "string",
        "format": "uri"
      },
      "negative_prompt": {
        "type": "string",
        "default": "letterboxing, borders, black bars, bright colors, overexposed, static, blurred details, subtitles, style, artwork, painting, picture, still, overall gray, worst quality, low quality, JPEG compression residue, ugly, incomplete, extra fingers, poorly drawn hands, poorly drawn faces, deformed, disfigured, malformed limbs, fused fingers, still picture, cluttered background, three legs, many people in the background, walking backwards"
      },
      "match_input_num_frames": {
        "type": "boolean"
      },
      "num_frames": {
        "type": "integer",
        "minimum": 17,
        "maximum": 241,
        "default": 81
      },
      "match_input_frames_per_second": {
        "type": "boolean"
      },
      "frames_per_second": {
        "type": "integer",
        "minimum": 5,
        "maximum": 30,
        "default": 16
      },
      "resolution": {
        "type": "string",
        "enum": [
          "480p",
          "580p",
          "720p"
        ],
        "default": "480p"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "auto",
          "16:9",
          "1:1",
          "9:16"
        ],
        "default": "auto"
      },
      "num_inference_steps": {
        "type": "integer",
        "default": 30
      },
      "guidance_scale": {
        "type": "number",
        "default": 5
      },
      "shift": {
        "type": "number",
        "default": 5
      },
      "enable_safety_checker": {
        "type": "boolean"
      },
      "enable_prompt_expansion": {
        "type": "boolean"
      },
      "preprocess": {
        "type": "boolean"
      },
      "acceleration": {
        "type": "string",
        "enum": [
          "none",
          "regular"
        ],
        "default": "regular"
      },
      "video_quality": {
        "type": "string",
        "enum": [
          "low",
          "medium",
          "high",
          "maximum"
        ],
        "default": "high"
      },
      "video_write_mode": {
        "type": "string",
        "enum": [
          "fast",
          "balanced",
          "small"
        ],
        "default": "balanced"
      },
      "num_interpolated_frames": {
        "type": "integer"
      },
      "temporal_downsample_factor": {
        "type": "integer"
      },
      "enable_auto_downsample": {
        "type": "boolean"
      },
      "auto_downsample_min_fps": {
        "type": "number",
        "default": 15
      },
      "interpolator_model": {
        "type": "string",
        "enum": [
          "rife",
          "film"
        ],
        "default": "film"
      },
      "sync_mode": {
        "type": "boolean"
      },
      "image_list": {
        "type": "array",
        "items": {
          "type": "string",
          "format": "uri"
        }
      },
      "mask_video_url": {
        "type": "string",
        "format": "uri"
      }
    }
  },
  "alibaba/wan2.2-vace-fun-a14b-outpainting": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt",
      "video_url"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "video_url": {
        "type": "string",
        "format": "uri"
      },
      "negative_prompt": {
        "type": "string",
        "default": "letterboxing, borders, black bars, bright colors, overexposed, static, blurred details, subtitles, style, artwork, painting, picture, still, overall gray, worst quality, low quality, JPEG compression residue, ugly, incomplete, extra fingers, poorly drawn hands, poorly drawn faces, deformed, disfigured, malformed limbs, fused fingers, still picture, cluttered background, three legs, many people in the background, walking backwards"
      },
      "match_input_num_frames": {
        "type": "boolean"
      },
      "num_frames": {
        "type": "integer",
        "minimum": 17,
        "maximum": 241,
        "default": 81
      },
      "match_input_frames_per_second": {
        "type": "boolean"
      },
      "frames_per_second": {
        "type": "integer",
        "minimum": 5,
        "maximum": 30,
        "default": 16
      },
      "resolution": {
        "type": "string",
        "enum": [
          "480p",
          "580p",
          "720p"
        ],
        "default": "480p"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "auto",
          "16:9",
          "1:1",
          "9:16"
        ],
        "default": "auto"
      },
      "num_inference_steps": {
        "type": "integer",
        "default": 30
      },
      "guidance_scale": {
        "type": "number",
        "default": 5
      },
      "shift": {
        "type": "number",
        "default": 5
      },
      "enable_safety_checker": {
        "type": "boolean"
      },
      "enable_prompt_expansion": {
        "type": "boolean"
      },
      "preprocess": {
        "type": "boolean"
      },
      "acceleration": {
        "type": "string",
        "enum": [
          "none",
          "regular"
        ],
        "default": "regular"
      },
      "video_quality": {
        "type": "string",
        "enum": [
          "low",
          "medium",
          "high",
          "maximum"
        ],
        "default": "high"
      },
      "video_write_mode": {
        "type": "string",
        "enum": [
          "fast",
          "balanced",
          "small"
        ],
        "default": "balanced"
      },
      "num_interpolated_frames": {
        "type": "integer"
      },
      "temporal_downsample_factor": {
        "type": "integer"
      },
      "enable_auto_downsample": {
        "type": "boolean"
      },
      "auto_downsample_min_fps": {
        "type": "number",
        "default": 15
      },
      "interpolator_model": {
        "type": "string",
        "enum": [
          "rife",
          "film"
        ],
        "default": "film"
      },
      "sync_mode": {
        "type": "boolean"
      },
      "expand_left": {
        "type": "boolean",
        "default": true
      },
      "expand_right": {
        "type": "boolean",
        "default": true
      },
      "expand_top": {
        "type": "boolean",
        "default": true
      },
      "expand_bottom": {
        "type": "boolean",
        "default": true
      },
      "expand_ratio": {
        "type": "number",
        "default": 0.25
      }
    }
  },
  "alibaba/wan2.2-vace-fun-a14b-pose": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt",
      "video_url"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "video_url": {
        "type": "string",
        "format": "uri"
      },
      "negative_prompt": {
        "type": "string",
        "default": "letterboxing, borders, black bars, bright colors, overexposed, static, blurred details, subtitles, style, artwork, painting, picture, still, overall gray, worst quality, low quality, JPEG compression residue, ugly, incomplete, extra fingers, poorly drawn hands, poorly drawn faces, deformed, disfigured, malformed limbs, fused fingers, still picture, cluttered background, three legs, many people in the background, walking backwards"
      },
      "match_input_num_frames": {
        "type": "boolean"
      },
      "num_frames": {
        "type": "integer",
        "minimum": 17,
        "maximum": 241,
        "default": 81
      },
      "match_input_frames_per_second": {
        "type": "boolean"
      },
      "frames_per_second": {
        "type": "integer",
        "minimum": 5,
        "maximum": 30,
        "default": 16
      },
      "resolution": {
        "type": "string",
        "enum": [
          "480p",
          "580p",
          "720p"
        ],
        "default": "480p"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "auto",
          "16:9",
          "1:1",
          "9:16"
        ],
        "default": "auto"
      },
      "num_inference_steps": {
        "type": "integer",
        "default": 30
      },
      "guidance_scale": {
        "type": "number",
        "default": 5
      },
      "shift": {
        "type": "number",
        "default": 5
      },
      "enable_safety_checker": {
        "type": "boolean"
      },
      "enable_prompt_expansion": {
        "type": "boolean"
      },
      "preprocess": {
        "type": "boolean"
      },
      "acceleration": {
        "type": "string",
        "enum": [
          "none",
          "regular"
        ],
        "default": "regular"
      },
      "video_quality": {
        "type": "string",
        "enum": [
          "low",
          "medium",
          "high",
          "maximum"
        ],
        "default": "high"
      },
      "video_write_mode": {
        "type": "string",
        "enum": [
          "fast",
          "balanced",
          "small"
        ],
        "default": "balanced"
      },
      "num_interpolated_frames": {
        "type": "integer"
      },
      "temporal_downsample_factor": {
        "type": "integer"
      },
      "enable_auto_downsample": {
        "type": "boolean"
      },
      "auto_downsample_min_fps": {
        "type": "number",
        "default": 15
      },
      "interpolator_model": {
        "type": "string",
        "enum": [
          "rife",
          "film"
        ],
        "default": "film"
      },
      "sync_mode": {
        "type": "boolean"
      }
    }
  },
  "alibaba/wan2.2-vace-fun-a14b-reframe": {
    "endpoint": "/v2/video/generations",
    "required": [
      "video_url"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "video_url": {
        "type": "string",
        "format": "uri"
      },
      "negative_prompt": {
        "type": "string",
        "default": "letterboxing, borders, black bars, bright colors, overexposed, static, blurred details, subtitles, style, artwork, painting, picture, still, overall gray, worst quality, low quality, JPEG compression residue, ugly, incomplete, extra fingers, poorly drawn hands, poorly drawn faces, deformed, disfigured, malformed limbs, fused fingers, still picture, cluttered background, three legs, many people in the background, walking backwards"
      },
      "match_input_num_frames": {
        "type": "boolean"
      },
      "num_frames": {
        "type": "integer",
        "minimum": 17,
        "maximum": 241,
        "default": 81
      },
      "match_input_frames_per_second": {
        "type": "boolean"
      },
      "frames_per_second": {
        "type": "integer",
        "minimum": 5,
        "maximum": 30,
        "default": 16
      },
      "resolution": {
        "type": "string",
        "enum": [
          "480p",
          "580p",
          "720p"
        ],
        "default": "480p"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "auto",
          "16:9",
          "1:1",
          "9:16"
        ],
        "default": "auto"
      },
      "num_inference_steps": {
        "type": "integer",
        "default": 30
      },
      "guidance_scale": {
        "type": "number",
        "default": 5
      },
      "shift": {
        "type": "number",
        "default": 5
      },
      "enable_safety_checker": {
        "type": "boolean"
      },
      "enable_prompt_expansion": {
        "type": "boolean"
      },
      "preprocess": {
        "type": "boolean"
      },
      "acceleration": {
        "type": "string",
        "enum": [
          "none",
          "regular"
        ],
        "default": "regular"
      },
      "video_quality": {
        "type": "string",
        "enum": [
          "low",
          "medium",
          "high",
          "maximum"
        ],
        "default": "high"
      },
      "video_write_mode": {
        "type": "string",
        "enum": [
          "fast",
          "balanced",
          "small"
        ],
        "default": "balanced"
      },
      "num_interpolated_frames": {
        "type": "integer"
      },
      "temporal_downsample_factor": {
        "type": "integer"
      },
      "enable_auto_downsample": {
        "type": "boolean"
      },
      "auto_downsample_min_fps": {
        "type": "number",
        "default": 15
      },
      "interpolator_model": {
        "type": "string",
        "enum": [
          "rife",
          "film"
        ],
        "default": "film"
      },
      "sync_mode": {
        "type": "boolean"
      },
      "zoom_factor": {
        "type": "number"
      },
      "trim_borders": {
        "type": "boolean",
        "default": true
      }
    }
  },
  "alibaba/wan2.5-i2v-preview": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt",
      "image_url"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "480p",
          "720p",
          "1080p"
        ],
        "default": "1080p"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16",
          "1:1"
        ],
        "default": "16:9"
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          10
        ],
        "default": "10"
      },
      "negative_prompt": {
        "type": "string"
      },
      "seed": {
        "type": "integer"
      },
      "enhance_prompt": {
        "type": "boolean",
        "default": true
      }
    }
  },
  "alibaba/wan2.5-t2v-preview": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "480p",
          "720p",
          "1080p"
        ],
        "default": "1080p"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16",
          "1:1"
        ],
        "default": "16:9"
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          10
        ],
        "default": "10"
      },
      "negative_prompt": {
        "type": "string"
      },
      "seed": {
        "type": "integer"
      },
      "enhance_prompt": {
        "type": "boolean",
        "default": true
      }
    }
  },
  "beeble/switchx-video-to-video": {
    "endpoint": "/v2/video/generations",
    "required": [
      "video_url"
    ],
    "properties": {
      "video_url": {
        "type": "string",
        "format": "uri"
      },
      "alpha_url": {
        "type": "string",
        "format": "uri"
      },
      "reference_image_url": {
        "type": "string",
        "format": "uri"
      },
      "alpha_mode": {
        "type": "string",
        "enum": [
          "auto",
          "fill",
          "custom",
          "select"
        ],
        "default": "auto"
      },
      "max_resolution": {
        "type": "integer",
        "enum": [
          720,
          1080
        ],
        "default": "1080"
      },
      "alpha_keyframe_index": {
        "type": "integer",
        "minimum": 0
      },
      "seed": {
        "type": "integer",
        "minimum": 0,
        "maximum": 4294967295
      },
      "prompt": {
        "type": "string",
        "maxLength": 2000
      }
    }
  },
  "blackforestlabs/flux-3-video-draft-i2v": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt",
      "image_url"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "auto",
          "21:9",
          "2:1",
          "16:9",
          "4:3",
          "1:1",
          "3:4",
          "9:16"
        ],
        "default": "auto"
      },
      "duration": {
        "type": "integer",
        "minimum": 5,
        "maximum": 20,
        "default": 5
      },
      "generate_audio": {
        "type": "boolean",
        "default": true
      },
      "safety_tolerance": {
        "type": "integer",
        "minimum": 0,
        "maximum": 4,
        "default": 2
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "last_image_url": {
        "type": "string",
        "format": "uri"
      },
      "image_urls": {
        "type": "array",
        "items": {
          "type": "string",
          "format": "uri"
        },
        "maxItems": 10
      },
      "resolution": {
        "type": "string",
        "enum": [
          "hd"
        ],
        "default": "hd"
      }
    }
  },
  "blackforestlabs/flux-3-video-draft-t2v": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "auto",
          "21:9",
          "2:1",
          "16:9",
          "4:3",
          "1:1",
          "3:4",
          "9:16"
        ],
        "default": "auto"
      },
      "duration": {
        "type": "integer",
        "minimum": 5,
        "maximum": 20,
        "default": 5
      },
      "generate_audio": {
        "type": "boolean",
        "default": true
      },
      "safety_tolerance": {
        "type": "integer",
        "minimum": 0,
        "maximum": 4,
        "default": 2
      },
      "resolution": {
        "type": "string",
        "enum": [
          "hd"
        ],
        "default": "hd"
      }
    }
  },
  "blackforestlabs/flux-3-video-draft-v2v": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt",
      "video_url"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "auto",
          "21:9",
          "2:1",
          "16:9",
          "4:3",
          "1:1",
          "3:4",
          "9:16"
        ],
        "default": "auto"
      },
      "duration": {
        "type": "integer",
        "minimum": 5,
        "maximum": 20,
        "default": 5
      },
      "generate_audio": {
        "type": "boolean",
        "default": true
      },
      "safety_tolerance": {
        "type": "integer",
        "minimum": 0,
        "maximum": 4,
        "default": 2
      },
      "video_url": {
        "type": "string",
        "format": "uri"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "hd"
        ],
        "default": "hd"
      }
    }
  },
  "blackforestlabs/flux-3-video-i2v": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt",
      "image_url"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "auto",
          "21:9",
          "2:1",
          "16:9",
          "4:3",
          "1:1",
          "3:4",
          "9:16"
        ],
        "default": "auto"
      },
      "duration": {
        "type": "integer",
        "minimum": 5,
        "maximum": 20,
        "default": 5
      },
      "generate_audio": {
        "type": "boolean",
        "default": true
      },
      "safety_tolerance": {
        "type": "integer",
        "minimum": 0,
        "maximum": 4,
        "default": 2
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "last_image_url": {
        "type": "string",
        "format": "uri"
      },
      "image_urls": {
        "type": "array",
        "items": {
          "type": "string",
          "format": "uri"
        },
        "maxItems": 10
      },
      "resolution": {
        "type": "string",
        "enum": [
          "hd",
          "fhd"
        ],
        "default": "hd"
      }
    }
  },
  "blackforestlabs/flux-3-video-t2v": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "auto",
          "21:9",
          "2:1",
          "16:9",
          "4:3",
          "1:1",
          "3:4",
          "9:16"
        ],
        "default": "auto"
      },
      "duration": {
        "type": "integer",
        "minimum": 5,
        "maximum": 20,
        "default": 5
      },
      "generate_audio": {
        "type": "boolean",
        "default": true
      },
      "safety_tolerance": {
        "type": "integer",
        "minimum": 0,
        "maximum": 4,
        "default": 2
      },
      "resolution": {
        "type": "string",
        "enum": [
          "hd",
          "fhd"
        ],
        "default": "hd"
      }
    }
  },
  "blackforestlabs/flux-3-video-v2v": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt",
      "video_url"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "auto",
          "21:9",
          "2:1",
          "16:9",
          "4:3",
          "1:1",
          "3:4",
          "9:16"
        ],
        "default": "auto"
      },
      "duration": {
        "type": "integer",
        "minimum": 5,
        "maximum": 20,
        "default": 5
      },
      "generate_audio": {
        "type": "boolean",
        "default": true
      },
      "safety_tolerance": {
        "type": "integer",
        "minimum": 0,
        "maximum": 4,
        "default": 2
      },
      "video_url": {
        "type": "string",
        "format": "uri"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "hd",
          "fhd"
        ],
        "default": "hd"
      }
    }
  },
  "bytedance/dreamina-seedance-2-0-mini": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "provider": {
        "type": "string"
      },
      "prompt": {
        "type": "string"
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "last_image_url": {
        "type": "string",
        "format": "uri"
      },
      "audio_url": {
        "type": "string",
        "format": "uri"
      },
      "video_url": {
        "type": "string",
        "format": "uri"
      },
      "image_urls": {
        "type": "array",
        "items": {
          "type": "string",
          "format": "uri"
        },
        "minItems": 1,
        "maxItems": 9
      },
      "audio_urls": {
        "type": "array",
        "items": {
          "type": "string",
          "format": "uri"
        },
        "minItems": 1,
        "maxItems": 3
      },
      "video_urls": {
        "type": "array",
        "items": {
          "type": "string",
          "format": "uri"
        },
        "minItems": 1,
        "maxItems": 3
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "21:9",
          "16:9",
          "4:3",
          "1:1",
          "3:4",
          "9:16"
        ],
        "default": "16:9"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "480p",
          "720p"
        ],
        "default": "720p"
      },
      "duration": {
        "type": "integer",
        "enum": [
          4,
          5,
          6,
          7,
          8,
          9,
          10,
          11,
          12,
          13,
          14,
          15
        ],
        "default": "5"
      },
      "generate_audio": {
        "type": "boolean",
        "default": true
      },
      "seed": {
        "type": "integer"
      },
      "watermark": {
        "type": "boolean",
        "default": false
      }
    }
  },
  "bytedance/dreamina-seedance-2-5": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "provider": {
        "type": "string"
      },
      "prompt": {
        "type": "string"
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "last_image_url": {
        "type": "string",
        "format": "uri"
      },
      "audio_url": {
        "type": "string",
        "format": "uri"
      },
      "video_url": {
        "type": "string",
        "format": "uri"
      },
      "image_urls": {
        "type": "array",
        "items": {
          "type": "string",
          "format": "uri"
        },
        "minItems": 1,
        "maxItems": 9
      },
      "audio_urls": {
        "type": "array",
        "items": {
          "type": "string",
          "format": "uri"
        },
        "minItems": 1,
        "maxItems": 3
      },
      "video_urls": {
        "type": "array",
        "items": {
          "type": "string",
          "format": "uri"
        },
        "minItems": 1,
        "maxItems": 3
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "21:9",
          "16:9",
          "4:3",
          "1:1",
          "3:4",
          "9:16"
        ],
        "default": "16:9"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "480p",
          "720p"
        ],
        "default": "720p"
      },
      "duration": {
        "type": "integer",
        "enum": [
          4,
          5,
          6,
          7,
          8,
          9,
          10,
          11,
          12,
          13,
          14,
          15,
          16,
          17,
          18,
          19,
          20,
          21,
          22,
          23,
          24,
          25,
          26,
          27,
          28,
          29,
          30
        ],
        "default": "5"
      },
      "generate_audio": {
        "type": "boolean",
        "default": true
      },
      "seed": {
        "type": "integer"
      },
      "watermark": {
        "type": "boolean",
        "default": false
      }
    }
  },
  "bytedance/omnihuman": {
    "endpoint": "/v2/video/generations",
    "required": [
      "image_url",
      "audio_url"
    ],
    "properties": {
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "audio_url": {
        "type": "string",
        "format": "uri"
      }
    }
  },
  "bytedance/omnihuman/v1.5": {
    "endpoint": "/v2/video/generations",
    "required": [
      "image_url",
      "audio_url"
    ],
    "properties": {
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "audio_url": {
        "type": "string",
        "format": "uri"
      }
    }
  },
  "bytedance/seedance-1-0-lite-i2v": {
    "endpoint": "/v2/video/generations",
    "required": [
      "image_url",
      "prompt"
    ],
    "properties": {
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "prompt": {
        "type": "string"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "480p",
          "720p",
          "1080p"
        ],
        "default": "1080p"
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          10
        ]
      },
      "watermark": {
        "type": "boolean",
        "default": false
      },
      "seed": {
        "type": "integer"
      },
      "camerafixed": {
        "type": "boolean",
        "default": false
      }
    }
  },
  "bytedance/seedance-1-0-lite-t2v": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "480p",
          "720p",
          "1080p"
        ],
        "default": "1080p"
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          10
        ]
      },
      "watermark": {
        "type": "boolean",
        "default": false
      },
      "seed": {
        "type": "integer"
      },
      "camerafixed": {
        "type": "boolean",
        "default": false
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "4:3",
          "1:1",
          "3:4",
          "9:16",
          "21:9",
          "9:21"
        ],
        "default": "16:9"
      }
    }
  },
  "bytedance/seedance-1-0-pro-fast": {
    "endpoint": "/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "prompt": {
        "type": "string"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "480p",
          "720p",
          "1080p"
        ],
        "default": "1080p"
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          10
        ]
      },
      "watermark": {
        "type": "boolean",
        "default": false
      },
      "seed": {
        "type": "integer"
      },
      "camerafixed": {
        "type": "boolean",
        "default": false
      },
      "last_image_url": {
        "type": "string",
        "format": "uri"
      }
    }
  },
  "bytedance/seedance-1-0-pro-i2v": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "prompt": {
        "type": "string"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "480p",
          "720p",
          "1080p"
        ],
        "default": "1080p"
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          10
        ]
      },
      "watermark": {
        "type": "boolean",
        "default": false
      },
      "seed": {
        "type": "integer"
      },
      "camerafixed": {
        "type": "boolean",
        "default": false
      },
      "last_image_url": {
        "type": "string",
        "format": "uri"
      }
    }
  },
  "bytedance/seedance-1-0-pro-t2v": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "prompt": {
        "type": "string"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "480p",
          "720p",
          "1080p"
        ],
        "default": "1080p"
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          10
        ]
      },
      "watermark": {
        "type": "boolean",
        "default": false
      },
      "seed": {
        "type": "integer"
      },
      "camerafixed": {
        "type": "boolean",
        "default": false
      },
      "last_image_url": {
        "type": "string",
        "format": "uri"
      }
    }
  },
  "bytedance/seedance-1-5-pro": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "last_image_url": {
        "type": "string",
        "format": "uri"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "4:3",
          "1:1",
          "3:4",
          "9:16",
          "21:9",
          "adaptive"
        ],
        "default": "16:9"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "480p",
          "720p",
          "1080p"
        ],
        "default": "720p"
      },
      "duration": {
        "type": "integer",
        "enum": [
          4,
          5,
          6,
          7,
          8,
          9,
          10,
          11,
          12
        ]
      },
      "seed": {
        "type": "integer",
        "default": -1
      },
      "camera_fixed": {
        "type": "boolean",
        "default": false
      },
      "watermark": {
        "type": "boolean",
        "default": false
      },
      "generate_audio": {
        "type": "boolean",
        "default": true
      }
    }
  },
  "bytedance/seedance-2-0": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "last_image_url": {
        "type": "string",
        "format": "uri"
      },
      "audio_url": {
        "type": "string",
        "format": "uri"
      },
      "video_url": {
        "type": "string",
        "format": "uri"
      },
      "image_urls": {
        "type": "array",
        "items": {
          "type": "string",
          "format": "uri"
        },
        "minItems": 1,
        "maxItems": 9
      },
      "audio_urls": {
        "type": "array",
        "items": {
          "type": "string",
          "format": "uri"
        },
        "minItems": 1,
        "maxItems": 3
      },
      "video_urls": {
        "type": "array",
        "items": {
          "type": "string",
          "format": "uri"
        },
        "minItems": 1,
        "maxItems": 3
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "21:9",
          "16:9",
          "4:3",
          "1:1",
          "3:4",
          "9:16"
        ],
        "default": "16:9"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "480p",
          "720p",
          "1080p",
          "4k"
        ],
        "default": "720p"
      },
      "duration": {
        "type": "integer",
        "enum": [
          4,
          5,
          6,
          7,
          8,
          9,
          10,
          11,
          12,
          13,
          14,
          15
        ],
        "default": "5"
      },
      "generate_audio": {
        "type": "boolean",
        "default": true
      },
      "seed": {
        "type": "integer"
      },
      "watermark": {
        "type": "boolean",
        "default": false
      },
      "provider": {
        "type": "string"
      }
    }
  },
  "bytedance/seedance-2-0-fast": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "last_image_url": {
        "type": "string",
        "format": "uri"
      },
      "image_urls": {
        "type": "array",
        "items": {
          "type": "string",
          "format": "uri"
        },
        "minItems": 1,
        "maxItems": 9
      },
      "audio_urls": {
        "type": "array",
        "items": {
          "type": "string",
          "format": "uri"
        },
        "minItems": 1,
        "maxItems": 3
      },
      "video_urls": {
        "type": "array",
        "items": {
          "type": "string",
          "format": "uri"
        },
        "minItems": 1,
        "maxItems": 3
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "21:9",
          "16:9",
          "4:3",
          "1:1",
          "3:4",
          "9:16"
        ],
        "default": "16:9"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "480p",
          "720p"
        ],
        "default": "720p"
      },
      "duration": {
        "type": "integer",
        "enum": [
          4,
          5,
          6,
          7,
          8,
          9,
          10,
          11,
          12,
          13,
          14,
          15
        ],
        "default": "8"
      },
      "generate_audio": {
        "type": "boolean",
        "default": true
      },
      "seed": {
        "type": "integer"
      },
      "provider": {
        "type": "string"
      }
    }
  },
  "bytedance/seedance-2-5": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "provider": {
        "type": "string"
      },
      "prompt": {
        "type": "string"
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "last_image_url": {
        "type": "string",
        "format": "uri"
      },
      "audio_url": {
        "type": "string",
        "format": "uri"
      },
      "video_url": {
        "type": "string",
        "format": "uri"
      },
      "image_urls": {
        "type": "array",
        "items": {
          "type": "string",
          "format": "uri"
        },
        "minItems": 1,
        "maxItems": 9
      },
      "audio_urls": {
        "type": "array",
        "items": {
          "type": "string",
          "format": "uri"
        },
        "minItems": 1,
        "maxItems": 3
      },
      "video_urls": {
        "type": "array",
        "items": {
          "type": "string",
          "format": "uri"
        },
        "minItems": 1,
        "maxItems": 3
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "21:9",
          "16:9",
          "4:3",
          "1:1",
          "3:4",
          "9:16"
        ],
        "default": "16:9"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "480p",
          "720p"
        ],
        "default": "720p"
      },
      "duration": {
        "type": "integer",
        "enum": [
          4,
          5,
          6,
          7,
          8,
          9,
          10,
          11,
          12,
          13,
          14,
          15,
          16,
          17,
          18,
          19,
          20,
          21,
          22,
          23,
          24,
          25,
          26,
          27,
          28,
          29,
          30
        ],
        "default": "5"
      },
      "generate_audio": {
        "type": "boolean",
        "default": true
      },
      "seed": {
        "type": "integer"
      },
      "watermark": {
        "type": "boolean",
        "default": false
      }
    }
  },
  "gen3a_turbo": {
    "endpoint": "/v2/video/generations",
    "required": [
      "image_url"
    ],
    "properties": {
      "prompt": {
        "type": "string",
        "maxLength": 1000
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "tail_image_url": {
        "type": "string",
        "format": "uri"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16"
        ],
        "default": "16:9"
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          10
        ],
        "default": "5"
      },
      "seed": {
        "type": "integer",
        "minimum": 0,
        "maximum": 4294967295
      }
    }
  },
  "google/gemini-omni-flash-preview": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "image_urls": {
        "type": "array",
        "items": {
          "type": "string",
          "format": "uri"
        },
        "maxItems": 6
      },
      "video_url": {
        "type": "string",
        "format": "uri"
      },
      "audio_url": {
        "type": "string",
        "format": "uri"
      },
      "previous_interaction_id": {
        "type": "string"
      },
      "task": {
        "type": "string",
        "enum": [
          "text_to_video",
          "image_to_video",
          "reference_to_video",
          "edit"
        ]
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16"
        ]
      },
      "duration": {
        "type": "integer",
        "enum": [
          3,
          4,
          5,
          6,
          7,
          8,
          9,
          10
        ],
        "default": "8"
      },
      "delivery": {
        "type": "string",
        "enum": [
          "uri"
        ],
        "default": "uri"
      }
    }
  },
  "google/veo-3-1-lite-generate-preview": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "last_image_url": {
        "type": "string",
        "format": "uri"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16"
        ]
      },
      "resolution": {
        "type": "string",
        "enum": [
          "720p",
          "1080p"
        ],
        "default": "1080p"
      },
      "duration": {
        "type": "integer",
        "enum": [
          4,
          6,
          8
        ],
        "default": "8"
      },
      "generate_audio": {
        "type": "boolean",
        "default": true
      },
      "provider": {
        "type": "string"
      }
    }
  },
  "google/veo-3.0-fast": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "duration": {
        "type": "integer",
        "enum": [
          4,
          6,
          8
        ],
        "default": "8"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16"
        ]
      },
      "resolution": {
        "type": "string",
        "enum": [
          "720P",
          "1080P"
        ],
        "default": "720P"
      },
      "negative_prompt": {
        "type": "string"
      },
      "seed": {
        "type": "integer"
      },
      "enhance_prompt": {
        "type": "boolean",
        "default": true
      },
      "generate_audio": {
        "type": "boolean",
        "default": true
      }
    }
  },
  "google/veo-3.0-i2v": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt",
      "image_url"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "duration": {
        "type": "integer",
        "enum": [
          4,
          6,
          8
        ],
        "default": "8"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16"
        ]
      },
      "resolution": {
        "type": "string",
        "enum": [
          "720P",
          "1080P"
        ],
        "default": "720P"
      },
      "negative_prompt": {
        "type": "string"
      },
      "seed": {
        "type": "integer"
      },
      "enhance_prompt": {
        "type": "boolean",
        "default": true
      },
      "generate_audio": {
        "type": "boolean",
        "default": true
      }
    }
  },
  "google/veo-3.0-i2v-fast": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt",
      "image_url"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "duration": {
        "type": "integer",
        "enum": [
          4,
          6,
          8
        ],
        "default": "8"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16"
        ]
      },
      "resolution": {
        "type": "string",
        "enum": [
          "720P",
          "1080P"
        ],
        "default": "720P"
      },
      "negative_prompt": {
        "type": "string"
      },
      "seed": {
        "type": "integer"
      },
      "enhance_prompt": {
        "type": "boolean",
        "default": true
      },
      "generate_audio": {
        "type": "boolean",
        "default": true
      }
    }
  },
  "google/veo-3.1-first-last-image-to-video": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt",
      "image_url",
      "last_image_url"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "last_image_url": {
        "type": "string",
        "format": "uri"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16"
        ]
      },
      "duration": {
        "type": "integer",
        "enum": [
          4,
          6,
          8
        ],
        "default": "8"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "720p",
          "1080p"
        ],
        "default": "1080p"
      },
      "generate_audio": {
        "type": "boolean",
        "default": true
      },
      "provider": {
        "type": "string"
      }
    }
  },
  "google/veo-3.1-first-last-image-to-video-fast": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt",
      "image_url",
      "last_image_url"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "last_image_url": {
        "type": "string",
        "format": "uri"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16"
        ]
      },
      "duration": {
        "type": "integer",
        "enum": [
          4,
          6,
          8
        ],
        "default": "8"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "720p",
          "1080p"
        ],
        "default": "1080p"
      },
      "generate_audio": {
        "type": "boolean",
        "default": true
      },
      "provider": {
        "type": "string"
      }
    }
  },
  "google/veo-3.1-i2v": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt",
      "image_url"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16"
        ]
      },
      "duration": {
        "type": "integer",
        "enum": [
          4,
          6,
          8
        ],
        "default": "8"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "720p",
          "1080p"
        ],
        "default": "1080p"
      },
      "generate_audio": {
        "type": "boolean",
        "default": true
      },
      "provider": {
        "type": "string"
      }
    }
  },
  "google/veo-3.1-i2v-fast": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt",
      "image_url"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16"
        ]
      },
      "duration": {
        "type": "integer",
        "enum": [
          4,
          6,
          8
        ],
        "default": "8"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "720p",
          "1080p"
        ],
        "default": "1080p"
      },
      "generate_audio": {
        "type": "boolean",
        "default": true
      },
      "provider": {
        "type": "string"
      }
    }
  },
  "google/veo-3.1-reference-to-video": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt",
      "image_urls"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "image_urls": {
        "type": "array",
        "items": {
          "type": "string",
          "format": "uri"
        }
      },
      "duration": {
        "type": "integer",
        "enum": [
          8
        ]
      },
      "resolution": {
        "type": "string",
        "enum": [
          "720p",
          "1080p"
        ],
        "default": "1080p"
      },
      "generate_audio": {
        "type": "boolean",
        "default": true
      },
      "provider": {
        "type": "string"
      }
    }
  },
  "google/veo-3.1-t2v": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16"
        ]
      },
      "duration": {
        "type": "integer",
        "enum": [
          4,
          6,
          8
        ],
        "default": "8"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "720p",
          "1080p"
        ],
        "default": "1080p"
      },
      "generate_audio": {
        "type": "boolean",
        "default": true
      },
      "seed": {
        "type": "integer"
      },
      "auto_fix": {
        "type": "boolean",
        "default": true
      },
      "negative_prompt": {
        "type": "string"
      },
      "enhance_prompt": {
        "type": "boolean",
        "default": true
      },
      "provider": {
        "type": "string"
      }
    }
  },
  "google/veo-3.1-t2v-fast": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16"
        ]
      },
      "duration": {
        "type": "integer",
        "enum": [
          4,
          6,
          8
        ],
        "default": "8"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "720p",
          "1080p"
        ],
        "default": "1080p"
      },
      "generate_audio": {
        "type": "boolean",
        "default": true
      },
      "seed": {
        "type": "integer"
      },
      "auto_fix": {
        "type": "boolean",
        "default": true
      },
      "negative_prompt": {
        "type": "string"
      },
      "enhance_prompt": {
        "type": "boolean",
        "default": true
      },
      "provider": {
        "type": "string"
      }
    }
  },
  "google/veo3": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "duration": {
        "type": "integer",
        "enum": [
          4,
          6,
          8
        ],
        "default": "8"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16"
        ]
      },
      "resolution": {
        "type": "string",
        "enum": [
          "720P",
          "1080P"
        ],
        "default": "720P"
      },
      "negative_prompt": {
        "type": "string"
      },
      "seed": {
        "type": "integer"
      },
      "enhance_prompt": {
        "type": "boolean",
        "default": true
      },
      "generate_audio": {
        "type": "boolean",
        "default": true
      }
    }
  },
  "google/veo3-1-extend-video": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt",
      "video_url"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "video_url": {
        "type": "string",
        "format": "uri"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "auto",
          "16:9",
          "9:16"
        ],
        "default": "auto"
      },
      "duration": {
        "type": "integer",
        "enum": [
          7
        ],
        "default": "7"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "720p"
        ],
        "default": "720p"
      },
      "generate_audio": {
        "type": "boolean",
        "default": true
      },
      "auto_fix": {
        "type": "boolean",
        "default": false
      },
      "provider": {
        "type": "string"
      }
    }
  },
  "google/veo3-1-fast-extend-video": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt",
      "video_url"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "video_url": {
        "type": "string",
        "format": "uri"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "auto",
          "16:9",
          "9:16"
        ],
        "default": "auto"
      },
      "duration": {
        "type": "integer",
        "enum": [
          7
        ],
        "default": "7"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "720p"
        ],
        "default": "720p"
      },
      "generate_audio": {
        "type": "boolean",
        "default": true
      },
      "auto_fix": {
        "type": "boolean",
        "default": false
      },
      "provider": {
        "type": "string"
      }
    }
  },
  "kling-video/v1.5/pro/image-to-video": {
    "endpoint": "/v2/video/generations",
    "required": [
      "image_url"
    ],
    "properties": {
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "prompt": {
        "type": "string"
      },
      "tail_image_url": {
        "type": "string",
        "format": "uri"
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          10
        ],
        "default": "5"
      },
      "negative_prompt": {
        "type": "string"
      },
      "cfg_scale": {
        "type": "number",
        "minimum": 0,
        "maximum": 1
      },
      "static_mask": {
        "type": "string",
        "format": "uri"
      },
      "dynamic_masks": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "mask": {
              "type": "string"
            },
            "trajectories": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "x": {
                    "type": "integer"
                  },
                  "y": {
                    "type": "integer"
                  }
                },
                "required": [
                  "x",
                  "y"
                ]
              },
              "minItems": 2,
              "maxItems": 77
            }
          },
          "required": [
            "mask",
            "trajectories"
          ]
        },
        "maxItems": 6
      },
      "camera_control": {
        "type": "object"
      }
    }
  },
  "kling-video/v1.5/pro/text-to-video": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16",
          "1:1"
        ],
        "default": "16:9"
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          10
        ]
      },
      "negative_prompt": {
        "type": "string"
      },
      "cfg_scale": {
        "type": "number",
        "minimum": 0,
        "maximum": 1
      },
      "camera_control": {
        "type": "string",
        "enum": [
          "down_back",
          "forward_up",
          "right_turn_forward",
          "left_turn_forward"
        ]
      },
      "advanced_camera_control": {
        "type": "object"
      }
    }
  },
  "kling-video/v1.5/standard/image-to-video": {
    "endpoint": "/v2/generate/video/kling/generation",
    "required": [
      "image_url"
    ],
    "properties": {
      "type": {
        "type": "string",
        "enum": [
          "image-to-video"
        ]
      },
      "image_url": {
        "type": "string"
      },
      "tail_image_url": {
        "type": "string"
      },
      "static_mask": {
        "type": "string"
      },
      "dynamic_masks": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "mask": {
              "type": "string"
            },
            "trajectories": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "x": {
                    "type": "integer"
                  },
                  "y": {
                    "type": "integer"
                  }
                },
                "required": [
                  "x",
                  "y"
                ]
              },
              "minItems": 2,
              "maxItems": 77
            }
          },
          "required": [
            "mask",
            "trajectories"
          ]
        },
        "maxItems": 6
      },
      "camera_control": {
        "type": "object"
      },
      "negative_prompt": {
        "type": "string"
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          10
        ]
      },
      "cfg_scale": {
        "type": "number",
        "minimum": 0,
        "maximum": 1,
        "default": 0.5
      },
      "external_task_id": {
        "type": "string"
      },
      "prompt": {
        "type": "string"
      }
    }
  },
  "kling-video/v1.6/pro/image-to-video": {
    "endpoint": "/v2/video/generations",
    "required": [
      "image_url"
    ],
    "properties": {
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "prompt": {
        "type": "string"
      },
      "tail_image_url": {
        "type": "string",
        "format": "uri"
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          10
        ],
        "default": "5"
      },
      "negative_prompt": {
        "type": "string"
      },
      "cfg_scale": {
        "type": "number",
        "minimum": 0,
        "maximum": 1
      },
      "static_mask": {
        "type": "string",
        "format": "uri"
      },
      "dynamic_masks": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "mask": {
              "type": "string"
            },
            "trajectories": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "x": {
                    "type": "integer"
                  },
                  "y": {
                    "type": "integer"
                  }
                },
                "required": [
                  "x",
                  "y"
                ]
              },
              "minItems": 2,
              "maxItems": 77
            }
          },
          "required": [
            "mask",
            "trajectories"
          ]
        },
        "maxItems": 6
      },
      "camera_control": {
        "type": "object"
      }
    }
  },
  "kling-video/v1.6/pro/text-to-video": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16",
          "1:1"
        ],
        "default": "16:9"
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          10
        ]
      },
      "negative_prompt": {
        "type": "string"
      },
      "cfg_scale": {
        "type": "number",
        "minimum": 0,
        "maximum": 1
      },
      "camera_control": {
        "type": "string",
        "enum": [
          "down_back",
          "forward_up",
          "right_turn_forward",
          "left_turn_forward"
        ]
      },
      "advanced_camera_control": {
        "type": "object"
      }
    }
  },
  "kling-video/v1.6/standard/image-to-video": {
    "endpoint": "/v2/video/generations",
    "required": [
      "image_url",
      "prompt"
    ],
    "properties": {
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "prompt": {
        "type": "string"
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          10
        ],
        "default": "5"
      },
      "negative_prompt": {
        "type": "string"
      },
      "cfg_scale": {
        "type": "number",
        "minimum": 0,
        "maximum": 1
      },
      "provider": {
        "type": "string"
      }
    }
  },
  "kling-video/v1.6/standard/multi-image-to-video": {
    "endpoint": "/v2/video/generations",
    "required": [
      "image_list"
    ],
    "properties": {
      "image_list": {
        "type": "array",
        "items": {
          "type": "string",
          "format": "uri"
        },
        "minItems": 2,
        "maxItems": 4
      },
      "prompt": {
        "type": "string"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16",
          "1:1"
        ],
        "default": "16:9"
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          10
        ],
        "default": "5"
      },
      "negative_prompt": {
        "type": "string"
      }
    }
  },
  "kling-video/v1.6/standard/text-to-video": {
    "endpoint": "/v2/generate/video/kling/generation",
    "required": [
      "prompt"
    ],
    "properties": {
      "ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16",
          "1:1"
        ]
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16",
          "1:1"
        ]
      },
      "prompt": {
        "type": "string"
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          10
        ]
      },
      "negative_prompt": {
        "type": "string"
      },
      "cfg_scale": {
        "type": "number",
        "minimum": 0,
        "maximum": 1
      }
    }
  },
  "kling-video/v1/pro/image-to-video": {
    "endpoint": "/v2/video/generations",
    "required": [
      "image_url"
    ],
    "properties": {
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "prompt": {
        "type": "string"
      },
      "tail_image_url": {
        "type": "string",
        "format": "uri"
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          10
        ],
        "default": "5"
      },
      "negative_prompt": {
        "type": "string"
      },
      "cfg_scale": {
        "type": "number",
        "minimum": 0,
        "maximum": 1
      },
      "static_mask": {
        "type": "string",
        "format": "uri"
      },
      "dynamic_masks": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "mask": {
              "type": "string"
            },
            "trajectories": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "x": {
                    "type": "integer"
                  },
                  "y": {
                    "type": "integer"
                  }
                },
                "required": [
                  "x",
                  "y"
                ]
              },
              "minItems": 2,
              "maxItems": 77
            }
          },
          "required": [
            "mask",
            "trajectories"
          ]
        },
        "maxItems": 6
      },
      "camera_control": {
        "type": "object"
      }
    }
  },
  "kling-video/v1/pro/text-to-video": {
    "endpoint": "/v2/generate/video/kling/generation",
    "required": [
      "prompt"
    ],
    "properties": {
      "ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16",
          "1:1"
        ]
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16",
          "1:1"
        ]
      },
      "prompt": {
        "type": "string"
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          10
        ]
      },
      "negative_prompt": {
        "type": "string"
      },
      "cfg_scale": {
        "type": "number",
        "minimum": 0,
        "maximum": 1
      }
    }
  },
  "kling-video/v1/standard/image-to-video": {
    "endpoint": "/v2/video/generations",
    "required": [
      "image_url"
    ],
    "properties": {
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "prompt": {
        "type": "string"
      },
      "tail_image_url": {
        "type": "string",
        "format": "uri"
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          10
        ],
        "default": "5"
      },
      "negative_prompt": {
        "type": "string"
      },
      "cfg_scale": {
        "type": "number",
        "minimum": 0,
        "maximum": 1
      },
      "static_mask": {
        "type": "string",
        "format": "uri"
      },
      "dynamic_masks": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "mask": {
              "type": "string"
            },
            "trajectories": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "x": {
                    "type": "integer"
                  },
                  "y": {
                    "type": "integer"
                  }
                },
                "required": [
                  "x",
                  "y"
                ]
              },
              "minItems": 2,
              "maxItems": 77
            }
          },
          "required": [
            "mask",
            "trajectories"
          ]
        },
        "maxItems": 6
      },
      "camera_control": {
        "type": "object"
      }
    }
  },
  "kling-video/v1/standard/text-to-video": {
    "endpoint": "/v2/generate/video/kling/generation",
    "required": [
      "prompt"
    ],
    "properties": {
      "ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16",
          "1:1"
        ]
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16",
          "1:1"
        ]
      },
      "prompt": {
        "type": "string"
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          10
        ]
      },
      "negative_prompt": {
        "type": "string"
      },
      "cfg_scale": {
        "type": "number",
        "minimum": 0,
        "maximum": 1
      }
    }
  },
  "kling-video/v2.1/pro/image-to-video": {
    "endpoint": "/v2/video/generations",
    "required": [
      "image_url"
    ],
    "properties": {
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "prompt": {
        "type": "string"
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          10
        ],
        "default": "5"
      },
      "negative_prompt": {
        "type": "string"
      },
      "cfg_scale": {
        "type": "number",
        "minimum": 0,
        "maximum": 1
      },
      "static_mask": {
        "type": "string",
        "format": "uri"
      },
      "dynamic_masks": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "mask": {
              "type": "string"
            },
            "trajectories": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "x": {
                    "type": "integer"
                  },
                  "y": {
                    "type": "integer"
                  }
                },
                "required": [
                  "x",
                  "y"
                ]
              },
              "minItems": 2,
              "maxItems": 77
            }
          },
          "required": [
            "mask",
            "trajectories"
          ]
        },
        "maxItems": 6
      },
      "camera_control": {
        "type": "object"
      }
    }
  },
  "kling-video/v2.1/standard/image-to-video": {
    "endpoint": "/v2/generate/video/kling/generation",
    "required": [
      "image_url"
    ],
    "properties": {
      "image_url": {
        "type": "string"
      },
      "prompt": {
        "type": "string"
      },
      "type": {
        "type": "string",
        "enum": [
          "image-to-video"
        ]
      },
      "static_mask": {
        "type": "string"
      },
      "dynamic_masks": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "mask": {
              "type": "string"
            },
            "trajectories": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "x": {
                    "type": "integer"
                  },
                  "y": {
                    "type": "integer"
                  }
                },
                "required": [
                  "x",
                  "y"
                ]
              },
              "minItems": 2,
              "maxItems": 77
            }
          },
          "required": [
            "mask",
            "trajectories"
          ]
        },
        "maxItems": 6
      },
      "camera_control": {
        "type": "object"
      },
      "negative_prompt": {
        "type": "string"
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          10
        ]
      },
      "cfg_scale": {
        "type": "number",
        "minimum": 0,
        "maximum": 1,
        "default": 0.5
      },
      "external_task_id": {
        "type": "string"
      }
    }
  },
  "klingai/avatar-pro": {
    "endpoint": "/v2/video/generations",
    "required": [
      "image_url",
      "audio_url"
    ],
    "properties": {
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "audio_url": {
        "type": "string"
      },
      "prompt": {
        "type": "string",
        "maxLength": 2500
      },
      "provider": {
        "type": "string"
      }
    }
  },
  "klingai/avatar-standard": {
    "endpoint": "/v2/video/generations",
    "required": [
      "image_url",
      "audio_url"
    ],
    "properties": {
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "audio_url": {
        "type": "string"
      },
      "prompt": {
        "type": "string",
        "maxLength": 2500
      },
      "provider": {
        "type": "string"
      }
    }
  },
  "klingai/kling-video-v1.6-pro-effects": {
    "endpoint": "/v2/video/generations",
    "required": [
      "image_url",
      "effect_scene"
    ],
    "properties": {
      "image_url": {},
      "effect_scene": {
        "type": "string",
        "enum": [
          "magic_fireball",
          "pet_moto_rider",
          "media_interview",
          "pet_lion",
          "pet_delivery",
          "pet_chef",
          "santa_gifts",
          "santa_hug",
          "girlfriend",
          "boyfriend",
          "heart_gesture_1",
          "pet_wizard",
          "smoke_smoke",
          "thumbs_up",
          "instant_kid",
          "dollar_rain",
          "cry_cry",
          "building_collapse",
          "gun_shot",
          "mushroom",
          "double_gun",
          "pet_warrior",
          "lightning_power",
          "jesus_hug",
          "shark_alert",
          "long_hair",
          "lie_flat",
          "polar_bear_hug",
          "brown_bear_hug",
          "jazz_jazz",
          "office_escape_plow",
          "fly_fly",
          "watermelon_bomb",
          "pet_dance",
          "boss_coming",
          "wool_curly",
          "iron_warrior",
          "pet_bee",
          "marry_me",
          "swing_swing",
          "day_to_night",
          "piggy_morph",
          "wig_out",
          "car_explosion",
          "ski_ski",
          "tiger_hug",
          "siblings",
          "construction_worker",
          "let's_ride",
          "snatched",
          "magic_broom",
          "felt_felt",
          "jumpdrop",
          "celebration",
          "splashsplash",
          "hula",
          "surfsurf",
          "fairy_wing",
          "angel_wing",
          "dark_wing",
          "skateskate",
          "plushcut",
          "jelly_press",
          "jelly_slice",
          "jelly_squish",
          "jelly_jiggle",
          "pixelpixel",
          "yearbook",
          "instant_film",
          "anime_figure",
          "rocketrocket",
          "bloombloom",
          "dizzydizzy",
          "fuzzyfuzzy",
          "squish",
          "expansion",
          "hug",
          "kiss",
          "heart_gesture",
          "fight"
        ]
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          10
        ],
        "default": "5"
      }
    }
  },
  "klingai/kling-video-v1.6-standard-effects": {
    "endpoint": "/v2/video/generations",
    "required": [
      "image_url",
      "effect_scene"
    ],
    "properties": {
      "image_url": {},
      "effect_scene": {
        "type": "string",
        "enum": [
          "magic_fireball",
          "pet_moto_rider",
          "media_interview",
          "pet_lion",
          "pet_delivery",
          "pet_chef",
          "santa_gifts",
          "santa_hug",
          "girlfriend",
          "boyfriend",
          "heart_gesture_1",
          "pet_wizard",
          "smoke_smoke",
          "thumbs_up",
          "instant_kid",
          "dollar_rain",
          "cry_cry",
          "building_collapse",
          "gun_shot",
          "mushroom",
          "double_gun",
          "pet_warrior",
          "lightning_power",
          "jesus_hug",
          "shark_alert",
          "long_hair",
          "lie_flat",
          "polar_bear_hug",
          "brown_bear_hug",
          "jazz_jazz",
          "office_escape_plow",
          "fly_fly",
          "watermelon_bomb",
          "pet_dance",
          "boss_coming",
          "wool_curly",
          "iron_warrior",
          "pet_bee",
          "marry_me",
          "swing_swing",
          "day_to_night",
          "piggy_morph",
          "wig_out",
          "car_explosion",
          "ski_ski",
          "tiger_hug",
          "siblings",
          "construction_worker",
          "let's_ride",
          "snatched",
          "magic_broom",
          "felt_felt",
          "jumpdrop",
          "celebration",
          "splashsplash",
          "hula",
          "surfsurf",
          "fairy_wing",
          "angel_wing",
          "dark_wing",
          "skateskate",
          "plushcut",
          "jelly_press",
          "jelly_slice",
          "jelly_squish",
          "jelly_jiggle",
          "pixelpixel",
          "yearbook",
          "instant_film",
          "anime_figure",
          "rocketrocket",
          "bloombloom",
          "dizzydizzy",
          "fuzzyfuzzy",
          "squish",
          "expansion",
          "hug",
          "kiss",
          "heart_gesture",
          "fight"
        ]
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          10
        ],
        "default": "5"
      }
    }
  },
  "klingai/v2-master-image-to-video": {
    "endpoint": "/v2/video/generations",
    "required": [
      "image_url"
    ],
    "properties": {
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "prompt": {
        "type": "string"
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          10
        ],
        "default": "5"
      },
      "negative_prompt": {
        "type": "string"
      },
      "cfg_scale": {
        "type": "number",
        "minimum": 0,
        "maximum": 1
      },
      "static_mask": {
        "type": "string",
        "format": "uri"
      },
      "dynamic_masks": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "mask": {
              "type": "string"
            },
            "trajectories": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "x": {
                    "type": "integer"
                  },
                  "y": {
                    "type": "integer"
                  }
                },
                "required": [
                  "x",
                  "y"
                ]
              },
              "minItems": 2,
              "maxItems": 77
            }
          },
          "required": [
            "mask",
            "trajectories"
          ]
        },
        "maxItems": 6
      },
      "camera_control": {
        "type": "object"
      },
      "provider": {
        "type": "string"
      }
    }
  },
  "klingai/v2-master-text-to-video": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16",
          "1:1"
        ],
        "default": "16:9"
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          10
        ]
      },
      "negative_prompt": {
        "type": "string"
      },
      "cfg_scale": {
        "type": "number",
        "minimum": 0,
        "maximum": 1
      },
      "camera_control": {
        "type": "string",
        "enum": [
          "down_back",
          "forward_up",
          "right_turn_forward",
          "left_turn_forward"
        ]
      },
      "advanced_camera_control": {
        "type": "object"
      },
      "provider": {
        "type": "string"
      }
    }
  },
  "klingai/v2.1-master-image-to-video": {
    "endpoint": "/v2/video/generations",
    "required": [
      "image_url"
    ],
    "properties": {
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "prompt": {
        "type": "string"
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          10
        ],
        "default": "5"
      },
      "negative_prompt": {
        "type": "string"
      },
      "cfg_scale": {
        "type": "number",
        "minimum": 0,
        "maximum": 1
      },
      "static_mask": {
        "type": "string",
        "format": "uri"
      },
      "dynamic_masks": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "mask": {
              "type": "string"
            },
            "trajectories": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "x": {
                    "type": "integer"
                  },
                  "y": {
                    "type": "integer"
                  }
                },
                "required": [
                  "x",
                  "y"
                ]
              },
              "minItems": 2,
              "maxItems": 77
            }
          },
          "required": [
            "mask",
            "trajectories"
          ]
        },
        "maxItems": 6
      },
      "camera_control": {
        "type": "object"
      },
      "provider": {
        "type": "string"
      }
    }
  },
  "klingai/v2.1-master-text-to-video": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16",
          "1:1"
        ],
        "default": "16:9"
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          10
        ]
      },
      "negative_prompt": {
        "type": "string"
      },
      "cfg_scale": {
        "type": "number",
        "minimum": 0,
        "maximum": 1
      },
      "camera_control": {
        "type": "string",
        "enum": [
          "down_back",
          "forward_up",
          "right_turn_forward",
          "left_turn_forward"
        ]
      },
      "advanced_camera_control": {
        "type": "object"
      },
      "provider": {
        "type": "string"
      }
    }
  },
  "klingai/v2.5-turbo/pro/image-to-video": {
    "endpoint": "/v2/video/generations",
    "required": [
      "image_url",
      "prompt"
    ],
    "properties": {
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "prompt": {
        "type": "string"
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          10
        ],
        "default": "5"
      },
      "negative_prompt": {
        "type": "string"
      },
      "cfg_scale": {
        "type": "number",
        "minimum": 0,
        "maximum": 1
      },
      "provider": {
        "type": "string"
      }
    }
  },
  "klingai/v2.5-turbo/pro/text-to-video": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          10
        ],
        "default": "5"
      },
      "negative_prompt": {
        "type": "string"
      },
      "cfg_scale": {
        "type": "number",
        "minimum": 0,
        "maximum": 1
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16",
          "1:1"
        ]
      },
      "provider": {
        "type": "string"
      }
    }
  },
  "klingai/video-o1-image-to-video": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt",
      "image_url"
    ],
    "properties": {
      "prompt": {
        "type": "string",
        "maxLength": 2500
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "last_image_url": {
        "type": "string",
        "format": "uri"
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          10
        ],
        "default": "5"
      },
      "provider": {
        "type": "string"
      }
    }
  },
  "klingai/video-o1-reference-to-video": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "prompt": {
        "type": "string",
        "maxLength": 2500
      },
      "image_list": {
        "type": "array",
        "items": {
          "type": "string",
          "format": "uri"
        },
        "minItems": 1,
        "maxItems": 7
      },
      "elements": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "reference_image_urls": {
              "type": "array",
              "items": {
                "type": "string",
                "format": "uri"
              },
              "minItems": 1,
              "maxItems": 4,
              "description": "Additional reference images from different angles."
            },
            "frontal_image_url": {
              "type": "string",
              "format": "uri",
              "description": "The frontal image of the element (main view)."
            }
          },
          "required": [
            "reference_image_urls",
            "frontal_image_url"
          ]
        },
        "maxItems": 4
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16",
          "1:1"
        ],
        "default": "16:9"
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          10
        ],
        "default": "5"
      },
      "provider": {
        "type": "string"
      }
    }
  },
  "klingai/video-o1-video-to-video-edit": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt",
      "video_url"
    ],
    "properties": {
      "prompt": {
        "type": "string",
        "maxLength": 2500
      },
      "video_url": {
        "type": "string",
        "format": "uri"
      },
      "image_list": {
        "type": "array",
        "items": {
          "type": "string",
          "format": "uri"
        },
        "minItems": 1,
        "maxItems": 7
      },
      "elements": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "reference_image_urls": {
              "type": "array",
              "items": {
                "type": "string",
                "format": "uri"
              },
              "minItems": 1,
              "maxItems": 4,
              "description": "Additional reference images from different angles."
            },
            "frontal_image_url": {
              "type": "string",
              "format": "uri",
              "description": "The frontal image of the element (main view)."
            }
          },
          "required": [
            "reference_image_urls",
            "frontal_image_url"
          ]
        },
        "maxItems": 4
      },
      "keep_audio": {
        "type": "boolean",
        "default": false
      },
      "provider": {
        "type": "string"
      }
    }
  },
  "klingai/video-o1-video-to-video-reference": {
    "endpoint": "/video/generations",
    "required": [
      "prompt",
      "video_url"
    ],
    "properties": {
      "prompt": {
        "type": "string",
        "maxLength": 2500
      },
      "video_url": {
        "type": "string",
        "format": "uri"
      },
      "image_list": {
        "type": "array",
        "items": {
          "type": "string",
          "format": "uri"
        },
        "minItems": 1,
        "maxItems": 4
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16",
          "1:1"
        ],
        "default": "16:9"
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          10
        ],
        "default": "5"
      },
      "elements": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "reference_image_urls": {
              "type": "array",
              "items": {
                "type": "string",
                "format": "uri"
              },
              "minItems": 1,
              "maxItems": 4,
              "description": "Additional reference images from different angles."
            },
            "frontal_image_url": {
              "type": "string",
              "format": "uri",
              "description": "The frontal image of the element (main view)."
            }
          },
          "required": [
            "reference_image_urls",
            "frontal_image_url"
          ]
        },
        "maxItems": 4
      },
      "keep_audio": {
        "type": "boolean",
        "default": false
      }
    }
  },
  "klingai/video-v2-6-motion-control": {
    "endpoint": "/v2/video/generations",
    "required": [
      "image_url",
      "video_url"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "video_url": {
        "type": "string",
        "format": "uri"
      },
      "character_orientation": {
        "type": "string",
        "enum": [
          "image",
          "video"
        ],
        "default": "video"
      },
      "keep_audio": {
        "type": "boolean",
        "default": true
      },
      "mode": {
        "type": "string",
        "enum": [
          "std",
          "pro"
        ],
        "default": "std"
      }
    }
  },
  "klingai/video-v2-6-pro-image-to-video": {
    "endpoint": "/video/generations",
    "required": [
      "prompt",
      "image_url"
    ],
    "properties": {
      "prompt": {
        "type": "string",
        "maxLength": 2500
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "tail_image_url": {
        "type": "string",
        "format": "uri"
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          10
        ],
        "default": "5"
      },
      "negative_prompt": {
        "type": "string"
      },
      "generate_audio": {
        "type": "boolean",
        "default": true
      }
    }
  },
  "klingai/video-v2-6-pro-text-to-video": {
    "endpoint": "/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "prompt": {
        "type": "string",
        "maxLength": 2500
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16",
          "1:1"
        ]
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          10
        ],
        "default": "5"
      },
      "negative_prompt": {
        "type": "string"
      },
      "cfg_scale": {
        "type": "number",
        "minimum": 0,
        "maximum": 1
      },
      "generate_audio": {
        "type": "boolean",
        "default": true
      }
    }
  },
  "klingai/video-v3-motion-control": {
    "endpoint": "/v2/video/generations",
    "required": [
      "image_url",
      "video_url"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "video_url": {
        "type": "string",
        "format": "uri"
      },
      "character_orientation": {
        "type": "string",
        "enum": [
          "image",
          "video"
        ],
        "default": "video"
      },
      "keep_audio": {
        "type": "boolean",
        "default": true
      },
      "mode": {
        "type": "string",
        "enum": [
          "std",
          "pro"
        ],
        "default": "std"
      }
    }
  },
  "klingai/video-v3-omni-1080p-image-to-video": {
    "endpoint": "/v2/video/generations",
    "required": [
      "image_url"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "provider": {
        "type": "string"
      },
      "multi_prompt": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "tail_image_url": {
        "type": "string",
        "format": "uri"
      },
      "duration": {
        "type": "integer",
        "enum": [
          3,
          4,
          5,
          6,
          7,
          8,
          9,
          10,
          11,
          12,
          13,
          14,
          15
        ],
        "default": "5"
      },
      "elements": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "reference_image_urls": {
              "type": "array",
              "items": {
                "type": "string",
                "format": "uri"
              },
              "minItems": 1,
              "maxItems": 4,
              "description": "Additional reference images from different angles."
            },
            "frontal_image_url": {
              "type": "string",
              "format": "uri",
              "description": "The frontal image of the element (main view)."
            },
            "video_url": {
              "type": "string",
              "format": "uri",
              "description": "The video URL of the element. A request can only have one element with a video."
            }
          },
          "required": [
            "reference_image_urls"
          ]
        },
        "maxItems": 4
      },
      "shot_type": {
        "type": "string",
        "enum": [
          "customize",
          "intelligent",
          "intelligence"
        ],
        "default": "customize"
      },
      "generate_audio": {
        "type": "boolean",
        "default": true
      },
      "negative_prompt": {
        "type": "string"
      },
      "cfg_scale": {
        "type": "number",
        "minimum": 0,
        "maximum": 1
      }
    }
  },
  "klingai/video-v3-omni-1080p-text-to-video": {
    "endpoint": "/v2/video/generations",
    "required": [],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "provider": {
        "type": "string"
      },
      "multi_prompt": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16",
          "1:1"
        ],
        "default": "16:9"
      },
      "duration": {
        "type": "integer",
        "enum": [
          3,
          4,
          5,
          6,
          7,
          8,
          9,
          10,
          11,
          12,
          13,
          14,
          15
        ],
        "default": "5"
      },
      "shot_type": {
        "type": "string",
        "enum": [
          "customize",
          "intelligent",
          "intelligence"
        ],
        "default": "customize"
      },
      "generate_audio": {
        "type": "boolean",
        "default": true
      },
      "negative_prompt": {
        "type": "string"
      },
      "cfg_scale": {
        "type": "number",
        "minimum": 0,
        "maximum": 1
      }
    }
  },
  "klingai/video-v3-omni-720p-image-to-video": {
    "endpoint": "/v2/video/generations",
    "required": [
      "image_url"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "provider": {
        "type": "string"
      },
      "multi_prompt": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "tail_image_url": {
        "type": "string",
        "format": "uri"
      },
      "duration": {
        "type": "integer",
        "enum": [
          3,
          4,
          5,
          6,
          7,
          8,
          9,
          10,
          11,
          12,
          13,
          14,
          15
        ],
        "default": "5"
      },
      "elements": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "reference_image_urls": {
              "type": "array",
              "items": {
                "type": "string",
                "format": "uri"
              },
              "minItems": 1,
              "maxItems": 4,
              "description": "Additional reference images from different angles."
            },
            "frontal_image_url": {
              "type": "string",
              "format": "uri",
              "description": "The frontal image of the element (main view)."
            },
            "video_url": {
              "type": "string",
              "format": "uri",
              "description": "The video URL of the element. A request can only have one element with a video."
            }
          },
          "required": [
            "reference_image_urls"
          ]
        },
        "maxItems": 4
      },
      "shot_type": {
        "type": "string",
        "enum": [
          "customize",
          "intelligent",
          "intelligence"
        ],
        "default": "customize"
      },
      "generate_audio": {
        "type": "boolean",
        "default": true
      },
      "negative_prompt": {
        "type": "string"
      },
      "cfg_scale": {
        "type": "number",
        "minimum": 0,
        "maximum": 1
      }
    }
  },
  "klingai/video-v3-omni-720p-text-to-video": {
    "endpoint": "/v2/video/generations",
    "required": [],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "provider": {
        "type": "string"
      },
      "multi_prompt": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16",
          "1:1"
        ],
        "default": "16:9"
      },
      "duration": {
        "type": "integer",
        "enum": [
          3,
          4,
          5,
          6,
          7,
          8,
          9,
          10,
          11,
          12,
          13,
          14,
          15
        ],
        "default": "5"
      },
      "shot_type": {
        "type": "string",
        "enum": [
          "customize",
          "intelligent",
          "intelligence"
        ],
        "default": "customize"
      },
      "generate_audio": {
        "type": "boolean",
        "default": true
      },
      "negative_prompt": {
        "type": "string"
      },
      "cfg_scale": {
        "type": "number",
        "minimum": 0,
        "maximum": 1
      }
    }
  },
  "klingai/video-v3-pro-image-to-video": {
    "endpoint": "/v2/video/generations",
    "required": [
      "image_url"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "multi_prompt": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "tail_image_url": {
        "type": "string",
        "format": "uri"
      },
      "duration": {
        "type": "integer",
        "enum": [
          3,
          4,
          5,
          6,
          7,
          8,
          9,
          10,
          11,
          12,
          13,
          14,
          15
        ],
        "default": "5"
      },
      "elements": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "reference_image_urls": {
              "type": "array",
              "items": {
                "type": "string",
                "format": "uri"
              },
              "minItems": 1,
              "maxItems": 4,
              "description": "Additional reference images from different angles."
            },
            "frontal_image_url": {
              "type": "string",
              "format": "uri",
              "description": "The frontal image of the element (main view)."
            },
            "video_url": {
              "type": "string",
              "format": "uri",
              "description": "The video URL of the element. A request can only have one element with a video."
            }
          },
          "required": [
            "reference_image_urls"
          ]
        },
        "maxItems": 4
      },
      "shot_type": {
        "type": "string",
        "enum": [
          "customize",
          "intelligent"
        ],
        "default": "customize"
      },
      "generate_audio": {
        "type": "boolean",
        "default": true
      },
      "negative_prompt": {
        "type": "string"
      },
      "cfg_scale": {
        "type": "number",
        "minimum": 0,
        "maximum": 1
      },
      "provider": {
        "type": "string"
      }
    }
  },
  "klingai/video-v3-pro-text-to-video": {
    "endpoint": "/v2/video/generations",
    "required": [],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "multi_prompt": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16",
          "1:1"
        ],
        "default": "16:9"
      },
      "duration": {
        "type": "integer",
        "enum": [
          3,
          4,
          5,
          6,
          7,
          8,
          9,
          10,
          11,
          12,
          13,
          14,
          15
        ],
        "default": "5"
      },
      "shot_type": {
        "type": "string",
        "enum": [
          "customize",
          "intelligent"
        ],
        "default": "customize"
      },
      "generate_audio": {
        "type": "boolean",
        "default": true
      },
      "negative_prompt": {
        "type": "string"
      },
      "cfg_scale": {
        "type": "number",
        "minimum": 0,
        "maximum": 1
      },
      "provider": {
        "type": "string"
      }
    }
  },
  "klingai/video-v3-standard-image-to-video": {
    "endpoint": "/v2/video/generations",
    "required": [
      "image_url"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "multi_prompt": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "tail_image_url": {
        "type": "string",
        "format": "uri"
      },
      "duration": {
        "type": "integer",
        "enum": [
          3,
          4,
          5,
          6,
          7,
          8,
          9,
          10,
          11,
          12,
          13,
          14,
          15
        ],
        "default": "5"
      },
      "elements": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "reference_image_urls": {
              "type": "array",
              "items": {
                "type": "string",
                "format": "uri"
              },
              "minItems": 1,
              "maxItems": 4,
              "description": "Additional reference images from different angles."
            },
            "frontal_image_url": {
              "type": "string",
              "format": "uri",
              "description": "The frontal image of the element (main view)."
            },
            "video_url": {
              "type": "string",
              "format": "uri",
              "description": "The video URL of the element. A request can only have one element with a video."
            }
          },
          "required": [
            "reference_image_urls"
          ]
        },
        "maxItems": 4
      },
      "shot_type": {
        "type": "string",
        "enum": [
          "customize",
          "intelligent"
        ],
        "default": "customize"
      },
      "generate_audio": {
        "type": "boolean",
        "default": true
      },
      "negative_prompt": {
        "type": "string"
      },
      "cfg_scale": {
        "type": "number",
        "minimum": 0,
        "maximum": 1
      },
      "provider": {
        "type": "string"
      }
    }
  },
  "klingai/video-v3-standard-text-to-video": {
    "endpoint": "/v2/video/generations",
    "required": [],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "multi_prompt": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16",
          "1:1"
        ],
        "default": "16:9"
      },
      "duration": {
        "type": "integer",
        "enum": [
          3,
          4,
          5,
          6,
          7,
          8,
          9,
          10,
          11,
          12,
          13,
          14,
          15
        ],
        "default": "5"
      },
      "shot_type": {
        "type": "string",
        "enum": [
          "customize",
          "intelligent"
        ],
        "default": "customize"
      },
      "generate_audio": {
        "type": "boolean",
        "default": true
      },
      "negative_prompt": {
        "type": "string"
      },
      "cfg_scale": {
        "type": "number",
        "minimum": 0,
        "maximum": 1
      },
      "provider": {
        "type": "string"
      }
    }
  },
  "klingai/video-v3-standard-turbo-image-to-video": {
    "endpoint": "/v2/video/generations",
    "required": [
      "image_url"
    ],
    "properties": {
      "prompt": {
        "type": "string",
        "maxLength": 3072
      },
      "multi_prompt": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "prompt": {
              "type": "string",
              "maxLength": 3072,
              "description": "Text prompt for this storyboard shot."
            },
            "duration": {
              "type": "integer",
              "description": "The length of the output video in seconds.",
              "enum": [
                1,
                2,
                3,
                4,
                5,
                6,
                7,
                8,
                9,
                10,
                11,
                12,
                13,
                14,
                15
              ],
              "default": "5"
            }
          },
          "required": [
            "prompt"
          ]
        },
        "minItems": 1,
        "maxItems": 6
      },
      "duration": {
        "type": "integer",
        "enum": [
          3,
          4,
          5,
          6,
          7,
          8,
          9,
          10,
          11,
          12,
          13,
          14,
          15
        ],
        "default": "5"
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      }
    }
  },
  "klingai/video-v3-standard-turbo-text-to-video": {
    "endpoint": "/v2/video/generations",
    "required": [],
    "properties": {
      "prompt": {
        "type": "string",
        "maxLength": 3072
      },
      "multi_prompt": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "prompt": {
              "type": "string",
              "maxLength": 3072,
              "description": "Text prompt for this storyboard shot."
            },
            "duration": {
              "type": "integer",
              "description": "The length of the output video in seconds.",
              "enum": [
                1,
                2,
                3,
                4,
                5,
                6,
                7,
                8,
                9,
                10,
                11,
                12,
                13,
                14,
                15
              ],
              "default": "5"
            }
          },
          "required": [
            "prompt"
          ]
        },
        "minItems": 1,
        "maxItems": 6
      },
      "duration": {
        "type": "integer",
        "enum": [
          3,
          4,
          5,
          6,
          7,
          8,
          9,
          10,
          11,
          12,
          13,
          14,
          15
        ],
        "default": "5"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16",
          "1:1"
        ],
        "default": "16:9"
      }
    }
  },
  "klingai/video-v3-turbo-pro-image-to-video": {
    "endpoint": "/v2/video/generations",
    "required": [
      "image_url"
    ],
    "properties": {
      "prompt": {
        "type": "string",
        "maxLength": 3072
      },
      "multi_prompt": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "prompt": {
              "type": "string",
              "maxLength": 3072,
              "description": "Text prompt for this storyboard shot."
            },
            "duration": {
              "type": "integer",
              "description": "The length of the output video in seconds.",
              "enum": [
                1,
                2,
                3,
                4,
                5,
                6,
                7,
                8,
                9,
                10,
                11,
                12,
                13,
                14,
                15
              ],
              "default": "5"
            }
          },
          "required": [
            "prompt"
          ]
        },
        "minItems": 1,
        "maxItems": 6
      },
      "duration": {
        "type": "integer",
        "enum": [
          3,
          4,
          5,
          6,
          7,
          8,
          9,
          10,
          11,
          12,
          13,
          14,
          15
        ],
        "default": "5"
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      }
    }
  },
  "klingai/video-v3-turbo-pro-text-to-video": {
    "endpoint": "/v2/video/generations",
    "required": [],
    "properties": {
      "prompt": {
        "type": "string",
        "maxLength": 3072
      },
      "multi_prompt": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "prompt": {
              "type": "string",
              "maxLength": 3072,
              "description": "Text prompt for this storyboard shot."
            },
            "duration": {
              "type": "integer",
              "description": "The length of the output video in seconds.",
              "enum": [
                1,
                2,
                3,
                4,
                5,
                6,
                7,
                8,
                9,
                10,
                11,
                12,
                13,
                14,
                15
              ],
              "default": "5"
            }
          },
          "required": [
            "prompt"
          ]
        },
        "minItems": 1,
        "maxItems": 6
      },
      "duration": {
        "type": "integer",
        "enum": [
          3,
          4,
          5,
          6,
          7,
          8,
          9,
          10,
          11,
          12,
          13,
          14,
          15
        ],
        "default": "5"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16",
          "1:1"
        ],
        "default": "16:9"
      }
    }
  },
  "krea/krea-wan-14b/text-to-video": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "num_frames": {
        "type": "integer",
        "minimum": 18,
        "maximum": 162,
        "default": 78
      },
      "enable_prompt_expansion": {
        "type": "boolean",
        "default": true
      },
      "seed": {
        "type": "integer"
      }
    }
  },
  "krea/krea-wan-14b/video-to-video": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt",
      "video_url"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "video_url": {
        "type": "string",
        "format": "uri"
      },
      "strength": {
        "type": "number",
        "minimum": 0,
        "maximum": 1,
        "default": 0.85
      },
      "enable_prompt_expansion": {
        "type": "boolean",
        "default": true
      },
      "seed": {
        "type": "integer"
      }
    }
  },
  "ltxv/ltxv-2": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "duration": {
        "type": "integer",
        "enum": [
          6,
          8,
          10
        ]
      },
      "resolution": {
        "type": "string",
        "enum": [
          "1080p",
          "1440p",
          "2160p"
        ],
        "default": "1080p"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9"
        ],
        "default": "16:9"
      },
      "fps": {
        "type": "integer",
        "enum": [
          25,
          50
        ]
      },
      "generate_audio": {
        "type": "boolean",
        "default": true
      }
    }
  },
  "ltxv/ltxv-2-fast": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "duration": {
        "type": "integer",
        "enum": [
          6,
          8,
          10
        ]
      },
      "resolution": {
        "type": "string",
        "enum": [
          "1080p",
          "1440p",
          "2160p"
        ],
        "default": "1080p"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9"
        ],
        "default": "16:9"
      },
      "fps": {
        "type": "integer",
        "enum": [
          25,
          50
        ]
      },
      "generate_audio": {
        "type": "boolean",
        "default": true
      }
    }
  },
  "luma/ray-1-6": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "1:1",
          "16:9",
          "9:16",
          "4:3",
          "3:4",
          "21:9",
          "9:21"
        ],
        "default": "16:9"
      },
      "keyframes": {
        "type": "object"
      },
      "loop": {
        "type": "boolean",
        "default": false
      }
    }
  },
  "luma/ray-2": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "540p",
          "720p",
          "1080p",
          "4k"
        ],
        "default": "1080p"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "1:1",
          "16:9",
          "9:16",
          "4:3",
          "3:4",
          "21:9",
          "9:21"
        ],
        "default": "16:9"
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          9
        ],
        "default": "5"
      },
      "keyframes": {
        "type": "object"
      },
      "loop": {
        "type": "boolean",
        "default": false
      }
    }
  },
  "luma/ray-3.2": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "type": {
        "type": "string",
        "enum": [
          "video",
          "video_edit",
          "video_reframe"
        ],
        "default": "video"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "360p",
          "540p",
          "720p",
          "1080p"
        ],
        "default": "720p"
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          10
        ],
        "default": "5"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "9:16",
          "3:4",
          "1:1",
          "4:3",
          "16:9",
          "21:9"
        ],
        "default": "16:9"
      },
      "loop": {
        "type": "boolean",
        "default": false
      },
      "hdr": {
        "type": "boolean",
        "default": false
      },
      "exr_export": {
        "type": "boolean",
        "default": false
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "last_image_url": {
        "type": "string",
        "format": "uri"
      },
      "video_url": {
        "type": "string",
        "format": "uri"
      }
    }
  },
  "luma/ray-flash-2": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "540p",
          "720p",
          "1080p",
          "4k"
        ],
        "default": "1080p"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "1:1",
          "16:9",
          "9:16",
          "4:3",
          "3:4",
          "21:9",
          "9:21"
        ],
        "default": "16:9"
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          9
        ],
        "default": "5"
      },
      "keyframes": {
        "type": "object"
      },
      "loop": {
        "type": "boolean",
        "default": false
      }
    }
  },
  "magic/image-to-video": {
    "endpoint": "/v2/video/generations",
    "required": [
      "image_url"
    ],
    "properties": {
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "template": {
        "type": "string",
        "enum": [
          "Thailand Street",
          "Times Square Billboard",
          "New York Times Square (77)",
          "Phone Social",
          "Art Gallery",
          "New York Times Square (66)",
          "Dubai Museum",
          "Digital Float",
          "Rotating Cards",
          "Desktop Reveal",
          "Egypt Pyramid",
          "Frames Drop",
          "Cappadocia Balloons",
          "Times Square Round Screen",
          "Stockholm Metro",
          "Tokyo Billboard",
          "San Francisco Skyscrapers",
          "Malaysia Shop",
          "Las Vegas LED",
          "Phone App",
          "Paris Eiffel Tower"
        ],
        "default": "Thailand Street"
      }
    }
  },
  "magic/text-to-video": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "template": {
        "type": "string",
        "enum": [
          "Shanghai Drone Show"
        ],
        "default": "Shanghai Drone Show"
      }
    }
  },
  "magic/video-to-video": {
    "endpoint": "/v2/video/generations",
    "required": [
      "video_url"
    ],
    "properties": {
      "video_url": {
        "type": "string",
        "format": "uri"
      },
      "template": {
        "type": "string",
        "enum": [
          "Thailand Street",
          "Times Square Billboard",
          "New York Times Square (78)",
          "Phone Social",
          "Art Gallery",
          "New York Times Square (67)",
          "Dubai Museum",
          "Rotating Cards",
          "Desktop Reveal",
          "Egypt Pyramid",
          "Cappadocia Balloons",
          "Times Square Round Screen",
          "Stockholm Metro",
          "Tokyo Billboard",
          "San Francisco Skyscrapers",
          "Malaysia Shop",
          "Las Vegas LED",
          "Phone App",
          "Paris Eiffel Tower"
        ],
        "default": "Thailand Street"
      }
    }
  },
  "minimax/h3": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "prompt": {
        "type": "string",
        "maxLength": 7000
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "last_image_url": {
        "type": "string",
        "format": "uri"
      },
      "reference_image_urls": {
        "type": "array",
        "items": {
          "type": "string",
          "format": "uri"
        },
        "maxItems": 9
      },
      "video_urls": {
        "type": "array",
        "items": {
          "type": "string",
          "format": "uri"
        },
        "maxItems": 3
      },
      "audio_urls": {
        "type": "array",
        "items": {
          "type": "string",
          "format": "uri"
        },
        "maxItems": 3
      },
      "duration": {
        "type": "integer",
        "minimum": 4,
        "maximum": 15,
        "default": 6
      },
      "resolution": {
        "type": "string",
        "enum": [
          "2K"
        ],
        "default": "2K"
      },
      "ratio": {
        "type": "string",
        "enum": [
          "adaptive",
          "21:9",
          "16:9",
          "4:3",
          "1:1",
          "3:4",
          "9:16"
        ],
        "default": "adaptive"
      }
    }
  },
  "minimax/hailuo-02": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "prompt": {
        "type": "string",
        "maxLength": 2000
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "last_image_url": {
        "type": "string",
        "format": "uri"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "768P",
          "1080P"
        ],
        "default": "768P"
      },
      "duration": {
        "type": "integer",
        "enum": [
          6,
          10
        ]
      },
      "enhance_prompt": {
        "type": "boolean",
        "default": true
      }
    }
  },
  "minimax/hailuo-2.3": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "prompt": {
        "type": "string",
        "maxLength": 2000
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "768P",
          "1080P"
        ],
        "default": "768P"
      },
      "duration": {
        "type": "integer",
        "enum": [
          6,
          10
        ]
      },
      "enhance_prompt": {
        "type": "boolean",
        "default": true
      }
    }
  },
  "minimax/hailuo-2.3-fast": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt",
      "image_url"
    ],
    "properties": {
      "prompt": {
        "type": "string",
        "maxLength": 2000
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "768P",
          "1080P"
        ],
        "default": "768P"
      },
      "duration": {
        "type": "integer",
        "enum": [
          6,
          10
        ]
      },
      "enhance_prompt": {
        "type": "boolean",
        "default": true
      }
    }
  },
  "openai/sora-2-i2v": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt",
      "image_url"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "720p"
        ],
        "default": "720p"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16"
        ],
        "default": "16:9"
      },
      "duration": {
        "type": "integer",
        "enum": [
          4,
          8,
          12
        ],
        "default": "4"
      }
    }
  },
  "openai/sora-2-pro-i2v": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt",
      "image_url"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "720p",
          "1080p"
        ],
        "default": "1080p"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16"
        ],
        "default": "16:9"
      },
      "duration": {
        "type": "integer",
        "enum": [
          4,
          8,
          12
        ],
        "default": "4"
      }
    }
  },
  "openai/sora-2-pro-t2v": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "720p",
          "1080p"
        ],
        "default": "1080p"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16"
        ],
        "default": "16:9"
      },
      "duration": {
        "type": "integer",
        "enum": [
          4,
          8,
          12
        ],
        "default": "4"
      }
    }
  },
  "openai/sora-2-t2v": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "720p"
        ],
        "default": "720p"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16"
        ],
        "default": "16:9"
      },
      "duration": {
        "type": "integer",
        "enum": [
          4,
          8,
          12
        ],
        "default": "4"
      }
    }
  },
  "pixverse/lip-sync": {
    "endpoint": "/v2/video/generations",
    "required": [
      "video_url"
    ],
    "properties": {
      "video_url": {
        "type": "string",
        "format": "uri"
      },
      "audio_url": {
        "type": "string",
        "format": "uri"
      },
      "lip_sync_tts_content": {
        "type": "string"
      },
      "lip_sync_tts_speaker": {
        "type": "string",
        "enum": [
          "Harper",
          "Ava",
          "Isabella",
          "Sophia",
          "Emily",
          "Chloe",
          "Julia",
          "Mason",
          "Jack",
          "Liam",
          "James",
          "Oliver",
          "Adrian",
          "Ethan",
          "Auto"
        ]
      }
    }
  },
  "pixverse/v5.5/image-to-video": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt",
      "image_url"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "360p",
          "540p",
          "720p",
          "1080p"
        ],
        "default": "720p"
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          8,
          10
        ],
        "default": "5"
      },
      "negative_prompt": {
        "type": "string"
      },
      "style": {
        "type": "string",
        "enum": [
          "anime",
          "3d_animation",
          "clay",
          "comic",
          "cyberpunk"
        ]
      },
      "seed": {
        "type": "integer"
      },
      "generate_audio_switch": {
        "type": "boolean",
        "default": false
      },
      "generate_multi_clip_switch": {
        "type": "boolean",
        "default": false
      },
      "thinking_type": {
        "type": "string",
        "enum": [
          "enabled",
          "disabled",
          "auto"
        ],
        "default": "enabled"
      }
    }
  },
  "pixverse/v5.5/text-to-video": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "4:3",
          "1:1",
          "3:4",
          "9:16"
        ],
        "default": "16:9"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "360p",
          "540p",
          "720p",
          "1080p"
        ],
        "default": "720p"
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          8,
          10
        ],
        "default": "5"
      },
      "negative_prompt": {
        "type": "string"
      },
      "style": {
        "type": "string",
        "enum": [
          "anime",
          "3d_animation",
          "clay",
          "comic",
          "cyberpunk"
        ]
      },
      "seed": {
        "type": "integer"
      },
      "generate_audio_switch": {
        "type": "boolean",
        "default": false
      },
      "generate_multi_clip_switch": {
        "type": "boolean",
        "default": false
      },
      "thinking_type": {
        "type": "string",
        "enum": [
          "enabled",
          "disabled",
          "auto"
        ],
        "default": "enabled"
      }
    }
  },
  "pixverse/v5/image-to-video": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt",
      "image_url"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "360p",
          "540p",
          "720p",
          "1080p"
        ],
        "default": "720p"
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          8
        ],
        "default": "5"
      },
      "negative_prompt": {
        "type": "string"
      },
      "style": {
        "type": "string",
        "enum": [
          "anime",
          "3d_animation",
          "clay",
          "comic",
          "cyberpunk"
        ]
      },
      "seed": {
        "type": "integer"
      },
      "lip_sync_tts_content": {
        "type": "string"
      },
      "lip_sync_tts_speaker": {
        "type": "string",
        "enum": [
          "Harper",
          "Ava",
          "Isabella",
          "Sophia",
          "Emily",
          "Chloe",
          "Julia",
          "Mason",
          "Jack",
          "Liam",
          "James",
          "Oliver",
          "Adrian",
          "Ethan",
          "Auto"
        ]
      }
    }
  },
  "pixverse/v5/text-to-video": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "4:3",
          "1:1",
          "3:4",
          "9:16"
        ],
        "default": "16:9"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "360p",
          "540p",
          "720p",
          "1080p"
        ],
        "default": "720p"
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          8
        ],
        "default": "5"
      },
      "negative_prompt": {
        "type": "string"
      },
      "style": {
        "type": "string",
        "enum": [
          "anime",
          "3d_animation",
          "clay",
          "comic",
          "cyberpunk"
        ]
      },
      "seed": {
        "type": "integer"
      },
      "lip_sync_tts_content": {
        "type": "string"
      },
      "lip_sync_tts_speaker": {
        "type": "string",
        "enum": [
          "Harper",
          "Ava",
          "Isabella",
          "Sophia",
          "Emily",
          "Chloe",
          "Julia",
          "Mason",
          "Jack",
          "Liam",
          "James",
          "Oliver",
          "Adrian",
          "Ethan",
          "Auto"
        ]
      }
    }
  },
  "pixverse/v5/transition": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt",
      "image_url",
      "tail_image_url"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "tail_image_url": {
        "type": "string",
        "format": "uri"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "360p",
          "540p",
          "720p",
          "1080p"
        ],
        "default": "720p"
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          8
        ],
        "default": "5"
      },
      "negative_prompt": {
        "type": "string"
      },
      "style": {
        "type": "string",
        "enum": [
          "anime",
          "3d_animation",
          "clay",
          "comic",
          "cyberpunk"
        ]
      },
      "seed": {
        "type": "integer"
      },
      "lip_sync_tts_content": {
        "type": "string"
      },
      "lip_sync_tts_speaker": {
        "type": "string",
        "enum": [
          "Harper",
          "Ava",
          "Isabella",
          "Sophia",
          "Emily",
          "Chloe",
          "Julia",
          "Mason",
          "Jack",
          "Liam",
          "James",
          "Oliver",
          "Adrian",
          "Ethan",
          "Auto"
        ]
      }
    }
  },
  "runway-gen3/turbo/image-to-video": {
    "endpoint": "/v2/generate/video/kling/generation",
    "required": [
      "prompt",
      "image_url",
      "last_image_url"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "last_image_url": {
        "type": "string",
        "format": "uri"
      },
      "duration": {
        "type": "string",
        "default": "5"
      },
      "ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16"
        ]
      },
      "seed": {
        "type": "integer"
      }
    }
  },
  "runway/act_two": {
    "endpoint": "/v2/video/generations",
    "required": [
      "character",
      "reference"
    ],
    "properties": {
      "character": {},
      "reference": {
        "type": "object"
      },
      "frame_size": {
        "type": "string",
        "enum": [
          "1280:720",
          "720:1280",
          "1104:832",
          "832:1104",
          "960:960",
          "1584:672",
          "848:480",
          "640:480"
        ],
        "default": "1280:720"
      },
      "body_control": {
        "type": "boolean"
      },
      "expression_intensity": {
        "type": "integer",
        "minimum": 1,
        "maximum": 5,
        "default": 3
      },
      "seed": {
        "type": "integer",
        "minimum": 0,
        "maximum": 4294967295
      }
    }
  },
  "runway/gen4_aleph": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt",
      "video_url"
    ],
    "properties": {
      "prompt": {
        "type": "string",
        "maxLength": 1000
      },
      "video_url": {
        "type": "string",
        "format": "uri"
      },
      "references": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "type": {
              "type": "string",
              "enum": [
                "image"
              ]
            },
            "url": {
              "type": "string",
              "format": "uri"
            }
          },
          "required": [
            "type",
            "url"
          ]
        }
      },
      "frame_size": {
        "type": "string",
        "enum": [
          "1280:720",
          "720:1280",
          "1104:832",
          "832:1104",
          "960:960",
          "1584:672",
          "848:480",
          "640:480"
        ],
        "default": "1280:720"
      },
      "duration": {
        "type": "number",
        "enum": [
          5
        ],
        "default": 5
      },
      "seed": {
        "type": "integer",
        "minimum": 0,
        "maximum": 4294967295
      }
    }
  },
  "runway/gen4_turbo": {
    "endpoint": "/v2/video/generations",
    "required": [
      "image_url"
    ],
    "properties": {
      "prompt": {
        "type": "string",
        "maxLength": 1000
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "tail_image_url": {
        "type": "string",
        "format": "uri"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16",
          "4:3",
          "3:4",
          "1:1",
          "21:9"
        ],
        "default": "16:9"
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          10
        ],
        "default": "5"
      },
      "seed": {
        "type": "integer",
        "minimum": 0,
        "maximum": 4294967295
      }
    }
  },
  "sber-ai/kandinsky5-distill-t2v": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "3:2",
          "1:1",
          "2:3"
        ],
        "default": "3:2"
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          10
        ],
        "default": "5"
      },
      "num_inference_steps": {
        "type": "integer",
        "default": 30
      }
    }
  },
  "sber-ai/kandinsky5-t2v": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "3:2",
          "1:1",
          "2:3"
        ],
        "default": "3:2"
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          10
        ],
        "default": "5"
      },
      "num_inference_steps": {
        "type": "integer",
        "default": 30
      }
    }
  },
  "tencent/hunyuan-video-foley": {
    "endpoint": "/v2/video/generations",
    "required": [
      "video_url",
      "prompt"
    ],
    "properties": {
      "video_url": {
        "type": "string",
        "format": "uri"
      },
      "prompt": {
        "type": "string"
      },
      "negative_prompt": {
        "type": "string",
        "default": "noisy, harsh"
      },
      "guidance_scale": {
        "type": "number",
        "default": 4.5
      },
      "num_inference_steps": {
        "type": "integer",
        "default": 50
      },
      "seed": {
        "type": "integer"
      }
    }
  },
  "veed/fabric-1.0": {
    "endpoint": "/v2/video/generations",
    "required": [
      "image_url",
      "audio_url"
    ],
    "properties": {
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "audio_url": {
        "type": "string",
        "format": "uri"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "480p",
          "720p"
        ],
        "default": "480p"
      }
    }
  },
  "veo-3.1-lite-generate-001": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "last_image_url": {
        "type": "string",
        "format": "uri"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16"
        ]
      },
      "resolution": {
        "type": "string",
        "enum": [
          "720P",
          "1080P"
        ],
        "default": "720P"
      },
      "duration": {
        "type": "integer",
        "enum": [
          4,
          6,
          8
        ],
        "default": "8"
      },
      "generate_audio": {
        "type": "boolean",
        "default": true
      },
      "person_generation": {
        "type": "string",
        "enum": [
          "dont_allow",
          "allow_adult"
        ],
        "default": "allow_adult"
      }
    }
  },
  "veo2": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          6,
          7,
          8
        ],
        "default": "5"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16"
        ]
      },
      "negative_prompt": {
        "type": "string"
      },
      "seed": {
        "type": "integer"
      },
      "enhance_prompt": {
        "type": "boolean",
        "default": true
      }
    }
  },
  "veo2/image-to-video": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt",
      "image_url"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "tail_image_url": {
        "type": "string",
        "format": "uri"
      },
      "duration": {
        "type": "integer",
        "enum": [
          5,
          6,
          7,
          8
        ],
        "default": "5"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "16:9",
          "9:16"
        ]
      },
      "negative_prompt": {
        "type": "string"
      },
      "seed": {
        "type": "integer"
      },
      "enhance_prompt": {
        "type": "boolean",
        "default": true
      }
    }
  },
  "video-01": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt"
    ],
    "properties": {
      "prompt": {
        "type": "string",
        "maxLength": 2000
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "enhance_prompt": {
        "type": "boolean",
        "default": true
      }
    }
  },
  "video-01-live2d": {
    "endpoint": "/v2/video/generations",
    "required": [
      "prompt",
      "image_url"
    ],
    "properties": {
      "prompt": {
        "type": "string",
        "maxLength": 2000
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "enhance_prompt": {
        "type": "boolean",
        "default": true
      }
    }
  },
  "wan/v2.1/1.3b/text-to-video": {
    "endpoint": "/v2/generate/video/alibaba/generation",
    "required": [
      "prompt"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "negative_prompt": {
        "type": "string"
      },
      "seed": {
        "type": "integer"
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "9:16",
          "16:9"
        ],
        "default": "16:9"
      },
      "inference_steps": {
        "type": "integer",
        "default": 30
      },
      "guidance_scale": {
        "type": "number",
        "default": 5
      },
      "shift": {
        "type": "number",
        "default": 5
      },
      "sampler": {
        "type": "string",
        "enum": [
          "unipc",
          "dpm+"
        ],
        "default": "unipc"
      },
      "enable_safety_checker": {
        "type": "boolean"
      },
      "enable_prompt_expansion": {
        "type": "boolean"
      }
    }
  },
  "x-ai/grok-imagine-video": {
    "endpoint": "/v2/video/generations",
    "required": [],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "reference_images": {
        "type": "array",
        "items": {
          "type": "string",
          "format": "uri"
        },
        "minItems": 1,
        "maxItems": 7
      },
      "duration": {
        "type": "integer",
        "minimum": 1,
        "maximum": 15,
        "default": 10
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "1:1",
          "16:9",
          "9:16",
          "4:3",
          "3:4",
          "3:2",
          "2:3"
        ],
        "default": "16:9"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "480p",
          "720p",
          "1080p"
        ]
      }
    }
  },
  "x-ai/grok-imagine-video-1.5-preview": {
    "endpoint": "/v2/video/generations",
    "required": [
      "image_url"
    ],
    "properties": {
      "prompt": {
        "type": "string"
      },
      "image_url": {
        "type": "string",
        "format": "uri"
      },
      "duration": {
        "type": "integer",
        "minimum": 1,
        "maximum": 15,
        "default": 10
      },
      "aspect_ratio": {
        "type": "string",
        "enum": [
          "1:1",
          "16:9",
          "9:16",
          "4:3",
          "3:4",
          "3:2",
          "2:3"
        ],
        "default": "16:9"
      },
      "resolution": {
        "type": "string",
        "enum": [
          "480p",
          "720p",
          "1080p"
        ]
      }
    }
  }
};
