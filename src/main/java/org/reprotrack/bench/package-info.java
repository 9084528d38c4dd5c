/** Benchmarks (not tests): generators, fakes and runners behind `reprotrack bench`, and the corpus scorer. Null is allowed only where marked {@code @Nullable}. */
@NullMarked
package org.reprotrack.bench;

import org.jspecify.annotations.NullMarked;
