package poker.domain.cards;

/** Upper tail of the chi-square distribution, for the shuffle uniformity tests. */
final class ChiSquare {

    private static final double EPSILON = 1e-15;
    private static final double TINY = 1e-300;
    private static final int MAX_ITERATIONS = 1_000_000;
    private static final double[] LANCZOS = {
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7};

    private ChiSquare() {
    }

    /** P(X >= x) for X chi-square with {@code df} degrees of freedom. */
    static double upperTail(double x, int df) {
        return regularizedGammaQ(df / 2.0, x / 2.0);
    }

    /** Q(a, x) = Gamma(a, x) / Gamma(a): a series below a + 1, a continued fraction above. */
    static double regularizedGammaQ(double a, double x) {
        if (x <= 0) {
            return 1;
        }
        double logPrefix = -x + a * Math.log(x) - logGamma(a);
        if (x < a + 1) {
            double term = 1 / a;
            double sum = term;
            for (int n = 1; n < MAX_ITERATIONS && Math.abs(term) > Math.abs(sum) * EPSILON; n++) {
                term *= x / (a + n);
                sum += term;
            }
            return 1 - sum * Math.exp(logPrefix);
        }
        // modified Lentz evaluation of the continued fraction for Gamma(a, x)
        double b = x + 1 - a;
        double c = 1 / TINY;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < MAX_ITERATIONS; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            d = Math.abs(d) < TINY ? TINY : d;
            c = b + an / c;
            c = Math.abs(c) < TINY ? TINY : c;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPSILON) {
                break;
            }
        }
        return Math.exp(logPrefix) * h;
    }

    /** Lanczos approximation (g = 7), good to about 15 digits for a >= 0.5. */
    static double logGamma(double a) {
        double x = a - 1;
        double sum = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (x + i);
        }
        double t = x + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
