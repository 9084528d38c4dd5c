package org.reprotrack.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The files of the benchmark's repository {@code i}, as an ML paper's code looks: a README with
 * install, training, evaluation, weights and a results table; {@code requirements.txt}, training
 * and evaluation scripts, models, configs, utilities, a notebook, a figure (about 30 files, four
 * levels). One in ten nests its package six levels deep (folders past the query's nesting are
 * asked in follow-ups); one in a thousand has 60 data shards four levels down (too many folders:
 * its REST tree is read); one in a hundred is a placeholder (README saying the code is coming,
 * a licence and a figure). Deterministic: the same {@code i} gives the same tree.
 */
final class FakeRepoFiles {

    private FakeRepoFiles() {
    }

    /** A folder: its entries by name, a file as its size in bytes. */
    static final class Dir {
        final String path;
        final Map<String, Object> entries = new TreeMap<>();
        final int repo;

        Dir(int repo, String path) {
            this.repo = repo;
            this.path = path;
        }

        void file(String filePath, long size) {
            Dir d = this;
            String[] parts = filePath.split("/");
            for (int k = 0; k < parts.length - 1; k++) {
                Dir parent = d;
                String sub = (parent.path.isEmpty() ? "" : parent.path + "/") + parts[k];
                d = (Dir) parent.entries.computeIfAbsent(parts[k], n -> new Dir(repo, sub));
            }
            d.entries.put(parts[parts.length - 1], size);
        }

        @Nullable Object at(String p) {
            if (p.isEmpty()) {
                return this;
            }
            Object o = this;
            for (String part : p.split("/")) {
                if (!(o instanceof Dir d)) {
                    return null;
                }
                o = d.entries.get(part);
                if (o == null) {
                    return null;
                }
            }
            return o;
        }

        /** The folder whose SHA a REST listing gave. */
        @Nullable Dir bySha(String sha) {
            String prefix = "d" + repo + "-";
            if (!sha.startsWith(prefix)) {
                return null;
            }
            try {
                String p = new String(HexFormat.of().parseHex(sha.substring(prefix.length())), StandardCharsets.UTF_8);
                return at(p) instanceof Dir d ? d : null;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        String sha() {
            return "d" + repo + "-" + HexFormat.of().formatHex(path.getBytes(StandardCharsets.UTF_8));
        }

        /** {@code Tree.entries}, nested {@code depth - level} more levels. */
        ObjectNode graphQl(ObjectMapper mapper, int level, int depth) {
            ObjectNode tree = mapper.createObjectNode();
            ArrayNode list = tree.putArray("entries");
            entries.forEach((name, value) -> {
                ObjectNode e = list.addObject();
                e.put("name", name);
                e.put("type", value instanceof Dir ? "tree" : "blob");
                e.put("size", value instanceof Long size ? size : 0);
                if (level < depth) {
                    e.set("object", value instanceof Dir d ? d.graphQl(mapper, level + 1, depth) : mapper.createObjectNode());
                }
            });
            return tree;
        }

        /** The REST {@code git/trees} answer: this folder's entries, or all below it. */
        ObjectNode restListing(ObjectMapper mapper, boolean recursive) {
            ObjectNode root = mapper.createObjectNode();
            root.put("sha", sha());
            ArrayNode list = root.putArray("tree");
            add(list, "", recursive);
            root.put("truncated", false);
            return root;
        }

        private void add(ArrayNode list, String prefix, boolean recursive) {
            entries.forEach((name, value) -> {
                ObjectNode e = list.addObject();
                e.put("path", prefix + name);
                e.put("mode", value instanceof Dir ? "040000" : "100644");
                e.put("type", value instanceof Dir ? "tree" : "blob");
                if (value instanceof Dir d) {
                    e.put("sha", d.sha());
                } else {
                    e.put("sha", "b" + Integer.toHexString((prefix + name).hashCode()));
                    e.put("size", (Long) value);
                }
                if (recursive && value instanceof Dir d) {
                    d.add(list, prefix + name + "/", true);
                }
            });
        }
    }

    static boolean placeholder(int i) {
        return i % 100 == 11;
    }

    static boolean deep(int i) {
        return i % 10 == 5;
    }

    static boolean wide(int i) {
        return i % 1000 == 17;
    }

    /** The HEAD commit of repository {@code i}. */
    static String commit(int i) {
        return String.format("%040x", (long) i * 2_654_435_761L + 12_345L);
    }

    static Dir of(int i) {
        Dir root = new Dir(i, "");
        root.file("README.md", readme(i).getBytes(StandardCharsets.UTF_8).length);
        root.file("LICENSE", 1067);
        if (placeholder(i)) {
            root.file("assets/teaser.png", 204_800);
            return root;
        }
        root.file(".gitignore", 1799);
        root.file(i % 4 == 0 ? "environment.yml" : "requirements.txt", 180 + i % 200);
        root.file("train.py", 6_000 + i % 4000);
        root.file(i % 3 == 0 ? "test.py" : "eval.py", 3_000 + i % 2000);
        for (String f : new String[] {"models/__init__.py", "models/model.py", "models/layers.py", "models/losses.py",
                "configs/default.yaml", "data/README.md", "data/prepare.py", "data/datasets/loader.py",
                "data/datasets/transforms.py", "scripts/run_train.sh", "scripts/run_eval.sh", "utils/__init__.py",
                "utils/logger.py", "utils/metrics.py", "utils/dist/launch.py", "assets/figure.png"}) {
            root.file(f, 500 + (f.hashCode() & 0xfff));
        }
        for (int k = 0; k < i % 6; k++) {
            root.file("configs/experiments/exp" + k + ".yaml", 400 + k);
        }
        if (i % 4 == 1) {
            root.file("notebooks/demo.ipynb", 48_000);
        }
        if (deep(i)) {
            String pkg = "src/paper" + i;
            for (String f : new String[] {"/models/backbones/resnet/block.py", "/models/backbones/resnet/stem.py",
                    "/models/backbones/vit/attention.py", "/ops/cuda/kernels/gather_kernel.cu", "/ops/cuda/kernels/setup.py"}) {
                root.file(pkg + f, 2_000 + (f.hashCode() & 0x7ff));
            }
        }
        if (wide(i)) {
            for (int k = 0; k < 60; k++) {
                root.file("data/raw/shards/s" + k + "/part-0.npy", 1_048_576);
                root.file("data/raw/shards/s" + k + "/part-1.npy", 1_048_576);
            }
        }
        return root;
    }

    static String readme(int i) {
        if (placeholder(i)) {
            return "# Paper " + i + "\n\nOfficial implementation of our paper. The code will be released upon acceptance.\n\n"
                    + "![teaser](assets/teaser.png)\n";
        }
        StringBuilder b = new StringBuilder(4096);
        b.append("# Paper ").append(i).append(": a method for the benchmark\n\n");
        b.append("This repository holds the official PyTorch implementation of the paper. ".repeat(4)).append("\n\n");
        b.append("## Requirements\n\n```bash\npip install -r requirements.txt\n```\n\n");
        b.append("## Training\n\nTo train the model on the benchmark data, run:\n\n```bash\npython train.py --config configs/default.yaml"
                + " --epochs ").append(100 + i % 200).append("\n```\n\n");
        b.append("## Evaluation\n\n```bash\npython ").append(i % 3 == 0 ? "test.py" : "eval.py")
                .append(" --checkpoint checkpoints/best.pth\n```\n\n");
        if (i % 5 != 0) {
            b.append("## Pre-trained models\n\nYou can download pretrained weights [here](https://drive.google.com/file/d/1x")
                    .append(Integer.toHexString(i * 7919)).append("/view).\n\n");
        }
        b.append("## Results\n\n| Method | Top-1 | Top-5 |\n|---|---|---|\n| Baseline | 76.1 | 92.9 |\n| Ours | ")
                .append(77 + i % 5).append('.').append(i % 10).append(" | 93.").append(i % 9).append(" |\n\n");
        b.append("## Citation\n\n```bibtex\n@inproceedings{paper").append(i)
                .append(",\n  title={A method for the benchmark},\n  year={2021}\n}\n```\n");
        return b.toString();
    }

    /** A repository's answer to the signals query, nested {@code depth} levels. */
    static void signals(ObjectMapper mapper, ObjectNode r, int i, int depth) {
        r.put("isEmpty", false);
        r.putObject("defaultBranchRef").putObject("target").put("oid", commit(i));
        r.set("tree", of(i).graphQl(mapper, 1, Math.max(1, depth)));
        String text = readme(i);
        for (int k = 0; k < 7; k++) {
            if (k == 0) {
                ObjectNode blob = r.putObject("m0");
                blob.put("text", text);
                blob.put("byteSize", text.getBytes(StandardCharsets.UTF_8).length);
                blob.put("isTruncated", false);
                blob.put("isBinary", false);
            } else {
                r.putNull("m" + k);
            }
        }
    }

    /** {@code object(expression: "HEAD:<path>")}: a folder nested {@code depth} levels, or a README's text. */
    static void object(ObjectMapper mapper, ObjectNode r, int i, String expression, int depth) {
        String path = expression.startsWith("HEAD:") ? expression.substring(5) : expression;
        Object o = of(i).at(path);
        if (o instanceof Dir d) {
            r.set("object", d.graphQl(mapper, 1, Math.max(1, depth)));
        } else if (o != null && path.equalsIgnoreCase("README.md")) {
            ObjectNode blob = r.putObject("object");
            blob.put("text", readme(i));
            blob.put("byteSize", (Long) o);
            blob.put("isTruncated", false);
            blob.put("isBinary", false);
        } else if (o != null) {
            ObjectNode blob = r.putObject("object");
            blob.putNull("text");
            blob.put("byteSize", (Long) o);
            blob.put("isTruncated", false);
            blob.put("isBinary", true);
        } else {
            r.putNull("object");
        }
    }
}
