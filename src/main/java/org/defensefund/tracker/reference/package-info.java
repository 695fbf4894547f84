/** Reference lists the fund's staff can extend: languages now; sources, case types, outcomes with the case lifecycle. */
package org.defensefund.tracker.reference;
