# Update ratio and activation std over training, written by compare-inits.
# Re-render with `gnuplot training-relu-gauss-128.gp` in this folder (reads training-relu-gauss-128.dat).
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
set output 'training-relu-gauss-128.png'
set datafile missing '?'
set grid
set format y '%g'
set multiplot title 'ReLU He Gaussian, 128 layers, seed 1: what training does inside the network'
set origin 0,0
set size 0.56,0.95
set key outside right top vertical spacing 1.1
set title 'Update ratio ||dW|| / ||W|| of 12 of the 129 layers'
set xlabel 'Step (log scale)'
set ylabel 'Update ratio (log scale)'
set logscale xy
plot 'training-relu-gauss-128.dat' index 0 using 1:2 with linespoints linetype 1 pointtype 7 pointsize 0.6 title 'layer 1', \
     'training-relu-gauss-128.dat' index 12 using 1:2 with linespoints linetype 13 pointtype 4 pointsize 1.0 title 'layer 13', \
     'training-relu-gauss-128.dat' index 23 using 1:2 with linespoints linetype 24 pointtype 8 pointsize 1.0 title 'layer 24', \
     'training-relu-gauss-128.dat' index 35 using 1:2 with linespoints linetype 36 pointtype 12 pointsize 1.0 title 'layer 36', \
     'training-relu-gauss-128.dat' index 47 using 1:2 with linespoints linetype 48 pointtype 7 pointsize 1.0 title 'layer 48', \
     'training-relu-gauss-128.dat' index 58 using 1:2 with linespoints linetype 59 pointtype 8 pointsize 1.0 title 'layer 59', \
     'training-relu-gauss-128.dat' index 70 using 1:2 with linespoints linetype 71 pointtype 6 pointsize 1.0 title 'layer 71', \
     'training-relu-gauss-128.dat' index 81 using 1:2 with linespoints linetype 82 pointtype 7 pointsize 1.0 title 'layer 82', \
     'training-relu-gauss-128.dat' index 93 using 1:2 with linespoints linetype 94 pointtype 4 pointsize 1.0 title 'layer 94', \
     'training-relu-gauss-128.dat' index 105 using 1:2 with linespoints linetype 106 pointtype 6 pointsize 1.0 title 'layer 106', \
     'training-relu-gauss-128.dat' index 116 using 1:2 with linespoints linetype 117 pointtype 12 pointsize 1.0 title 'layer 117', \
     'training-relu-gauss-128.dat' index 128 using 1:2 with linespoints linetype 129 pointtype 4 pointsize 1.0 title 'layer 129'
unset logscale
set origin 0.56,0
set size 0.44,0.95
unset key
set title 'Activation std by layer at each recorded step'
set xlabel 'Layer'
set ylabel 'Activation std (log scale)'
set logscale y
set xrange [0.8:128.2]
set xtics autofreq
set autoscale y
set palette defined (0 '#9AD0F0', 0.5 '#3A7FB8', 1 '#00204A')
set palette maxcolors 2
set cbrange [-0.5:0.5]
set cbtics ('480' 0) scale 0
set cblabel 'Step' offset 0,0
set colorbox vertical user origin graph 1.04, graph 0 size graph 0.04, graph 1
set rmargin 9
plot 'training-relu-gauss-128.dat' index 129 using 1:2 with linespoints linecolor palette cb 0 dashtype 1 pointtype 7 pointsize 0.5 notitle
unset multiplot
