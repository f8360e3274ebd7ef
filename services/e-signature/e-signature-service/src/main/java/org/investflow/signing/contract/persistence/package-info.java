/** Where executed contracts are kept: GridFS through the MongoDB driver. */
package org.investflow.signing.contract.persistence;
