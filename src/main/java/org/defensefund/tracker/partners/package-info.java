/** The partner legal organizations the fund sends cases and money to: who they are, what they practise, their capacity. */
package org.defensefund.tracker.partners;
