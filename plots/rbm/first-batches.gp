# Training loss of the first 100 batches, written by compare-inits.
# Re-render with `gnuplot first-batches.gp` in this folder (reads first-batches.dat).
reset
set terminal pngcairo size 960,640 noenhanced font 'sans,11'
set linetype 1 linecolor rgb '#000000' dashtype 1 linewidth 2
set linetype 2 linecolor rgb '#E69F00' dashtype (14,6) linewidth 2
set linetype 3 linecolor rgb '#56B4E9' dashtype (4,4) linewidth 2
set linetype 4 linecolor rgb '#009E73' dashtype (14,4,3,4) linewidth 2
set linetype 5 linecolor rgb '#0072B2' dashtype (28,8) linewidth 2
set linetype 6 linecolor rgb '#D55E00' dashtype (3,3,10,3) linewidth 2
set linetype 7 linecolor rgb '#CC79A7' dashtype (8,3) linewidth 2
set linetype 8 linecolor rgb '#B8A200' dashtype (20,4,3,4,3,4) linewidth 2
set linetype cycle 8
set output 'first-batches.png'
set title 'The first 100 batches: pre-trained vs not'
set xlabel 'Batches'
set ylabel 'Loss'
set grid
set key outside below center horizontal maxcols 2 height 1.5
set datafile missing '?'
set xrange [1:100]
plot 'first-batches.dat' using 1:2 with lines linetype 1 title 'RBM pre-training (CD-1, 2 epochs a layer) (val. acc. 85.82%)', \
     '' using 1:3 with lines linetype 2 title 'PyTorch default (val. acc. 85.01%)', \
     '' using 1:4 with lines linetype 3 title 'Xavier uniform (val. acc. 84.77%)'
