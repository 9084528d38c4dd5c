package org.reprotrack.bench;

import java.util.Random;

/**
 * Synthetic abstracts with a realistic link mix, deterministic for a seed. The mix follows what
 * real arXiv CS abstracts show (about one in eight names a code host): most abstracts have no
 * link; code links come in the spellings real authors use (scheme-less, {@code www.}, trailing
 * {@code .git} or period, deep paths, LaTeX url commands), plus project pages, data archives,
 * Hugging Face and GitLab, and promises of a later release.
 */
public final class AbstractGenerator {

    private static final String[] WORDS = ("we propose a novel method for learning robust representations from "
            + "large scale data the model achieves state of the art results on several benchmarks including "
            + "image classification object detection and semantic segmentation experiments show that our approach "
            + "outperforms prior work by a large margin while using fewer parameters and less compute transformer "
            + "attention graph neural network diffusion policy reinforcement language vision multimodal dataset "
            + "training inference efficient scalable theoretical analysis convergence generalization bound").split(" ");

    private final Random random;

    public AbstractGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** One synthetic paper: an abstract of about 1,200 characters and an optional comments line. */
    public record Synthetic(String abstractText, String comments) {
    }

    public Synthetic next(int index) {
        StringBuilder text = new StringBuilder(1400);
        int words = 150 + random.nextInt(60);
        for (int i = 0; i < words; i++) {
            String w = WORDS[random.nextInt(WORDS.length)];
            if (i == 0 || text.charAt(text.length() - 2) == '.') {
                w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
            }
            text.append(w).append(random.nextInt(14) == 0 ? ". " : " ");
        }
        text.setLength(text.length() - 1);
        text.append('.');
        String comments = "Accepted at a venue, " + (8 + random.nextInt(20)) + " pages";
        int roll = random.nextInt(100);
        String owner = "lab" + (index % 50_000);
        String repo = "Project-" + index;
        if (roll < 6) {
            text.append(" Code is available at https://github.com/").append(owner).append('/').append(repo).append('.');
        } else if (roll < 9) {
            text.append(" Our code: github.com/").append(owner).append('/').append(repo).append(".git.");
        } else if (roll < 11) {
            comments += ". Code: \\url{https://www.github.com/" + owner + "/" + repo + "/tree/main}";
        } else if (roll < 13) {
            text.append(" Code and models will be released at https://github.com/").append(owner).append('/').append(repo)
                    .append(" upon acceptance.");
        } else if (roll < 15) {
            text.append(" Project page: https://").append(owner).append(".github.io/").append(repo).append('.');
        } else if (roll < 16) {
            text.append(" Models at https://huggingface.co/").append(owner).append('/').append(repo)
                    .append(" and data at https://huggingface.co/datasets/").append(owner).append("/data-").append(index).append('.');
        } else if (roll < 17) {
            text.append(" Code: https://gitlab.com/").append(owner).append("/group/").append(repo).append(" (see README).");
        } else if (roll < 18) {
            text.append(" Data are archived at https://doi.org/10.5281/zenodo.").append(1_000_000 + index)
                    .append(" and code at [GitHub](https://github.com/").append(owner).append('/').append(repo).append(").");
        } else if (roll < 19) {
            text.append(" Contact: author").append(index).append("@example.edu.");
        }
        return new Synthetic(text.toString(), comments);
    }
}
